import { Alert, Button, Descriptions, Modal, Typography } from 'antd';

/** Shows a generated password once; the server keeps only its hash, so closing this is final. */
export function OneTimePassword(props: {
  title: string;
  username: string;
  password: string;
  /** 初始密码 for a new account, 新密码 after a reset. */
  label?: string;
  onClose: () => void;
}) {
  return (
    <Modal
      open
      title={props.title}
      closable={false}
      maskClosable={false}
      keyboard={false}
      footer={
        <Button type="primary" onClick={props.onClose}>
          我已记下，关闭
        </Button>
      }
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="此密码只显示这一次"
        description="关闭后无法再次查看。请通过安全渠道当面或电话告知本人；用户首次登录时必须修改密码。"
      />
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label="用户名">{props.username}</Descriptions.Item>
        <Descriptions.Item label={props.label ?? '初始密码'}>
          <Typography.Text
            code
            copyable={{ text: props.password, tooltips: ['复制', '已复制'] }}
            data-testid="one-time-password"
            style={{ fontSize: 16 }}
          >
            {props.password}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
    </Modal>
  );
}
