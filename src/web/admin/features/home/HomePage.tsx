import { Card, Col, Descriptions, Row, Typography } from 'antd';
import { useMe } from '../../shared/me';

const SCOPES: Record<string, string> = { all: '全部', subtree: '本级及下级', org: '本级', self: '仅本人' };

export default function HomePage() {
  const { me } = useMe();
  if (!me) return null;
  return (
    <div>
      <Typography.Title level={4}>您好，{me.displayName}</Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Card title="账号信息" size="small">
            <Descriptions column={1} size="small">
              <Descriptions.Item label="用户名">{me.username}</Descriptions.Item>
              <Descriptions.Item label="所在单位">{me.orgName}</Descriptions.Item>
              <Descriptions.Item label="数据范围">{SCOPES[me.dataScope] ?? me.dataScope}</Descriptions.Item>
              <Descriptions.Item label="两步验证">{me.totpEnabled ? '已启用' : '未启用'}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
