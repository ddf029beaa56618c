import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Space, Table } from 'antd';
import { useState } from 'react';
import { applyServerErrors } from '../../shared/forms';
import { type FamilyMember, saveFamily } from './tenure-api';
import { UserLinkSelect } from './UserLinkSelect';

const blank = (s: unknown) => (typeof s === 'string' && s.trim() ? s.trim() : null);

/** Edits the whole family list at once; saving replaces it and the recusals it implies. */
export function FamilyEditor(props: {
  cadreId: number;
  members: FamilyMember[];
  onDone: (saved: boolean) => void;
}) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const labels = new Map(props.members.map((m) => [m.userId, m.userLabel]));
  const cell = (name: (string | number)[], node: React.ReactNode, rules: any[] = []) => (
    <Form.Item name={name} rules={rules} style={{ margin: 0 }}>
      {node}
    </Form.Item>
  );
  return (
    <Form
      form={form}
      initialValues={{ members: props.members }}
      onFinish={async (v) => {
        setBusy(true);
        try {
          const members = (v.members ?? []).map((m: FamilyMember) => ({
            relation: m.relation.trim(),
            name: m.name.trim(),
            birthDate: blank(m.birthDate),
            politicalStatus: blank(m.politicalStatus),
            workUnit: blank(m.workUnit),
            userId: m.userId ?? null,
          }));
          await saveFamily(props.cadreId, members);
          message.success('家庭成员已保存');
          props.onDone(true);
        } catch (e) {
          message.error(applyServerErrors(form, e));
        } finally {
          setBusy(false);
        }
      }}
    >
      <Form.List name="members">
        {(fields, { add, remove }) => (
          <>
            <Table
              rowKey="key"
              size="small"
              pagination={false}
              dataSource={fields}
              locale={{ emptyText: '没有家庭成员，点击“添加”登记' }}
              columns={[
                {
                  title: '称谓',
                  width: 100,
                  render: (_: unknown, f) =>
                    cell(
                      [f.name, 'relation'],
                      <Input aria-label="称谓" maxLength={10} placeholder="如 妻子" />,
                      [{ required: true, whitespace: true, message: '请输入称谓' }],
                    ),
                },
                {
                  title: '姓名',
                  width: 110,
                  render: (_: unknown, f) =>
                    cell([f.name, 'name'], <Input aria-label="姓名" maxLength={20} />, [
                      { required: true, whitespace: true, message: '请输入姓名' },
                    ]),
                },
                {
                  title: '出生年月',
                  width: 120,
                  render: (_: unknown, f) =>
                    cell([f.name, 'birthDate'], <Input aria-label="出生年月" placeholder="如 1980-05" />, [
                      { pattern: /^\d{4}(-\d{2}(-\d{2})?)?$/, message: '格式如 1980-05' },
                    ]),
                },
                {
                  title: '政治面貌',
                  width: 120,
                  render: (_: unknown, f) =>
                    cell([f.name, 'politicalStatus'], <Input aria-label="政治面貌" maxLength={20} />),
                },
                {
                  title: '工作单位及职务',
                  render: (_: unknown, f) =>
                    cell([f.name, 'workUnit'], <Input aria-label="工作单位及职务" maxLength={100} />),
                },
                {
                  title: '关联用户',
                  width: 240,
                  render: (_: unknown, f) =>
                    cell(
                      [f.name, 'userId'],
                      <UserLinkSelect
                        initialLabel={labels.get(form.getFieldValue(['members', f.name, 'userId'])) ?? null}
                      />,
                    ),
                },
                {
                  title: '',
                  width: 50,
                  render: (_: unknown, f) => (
                    <Button
                      type="text"
                      danger
                      aria-label="移除"
                      icon={<DeleteOutlined />}
                      onClick={() => remove(f.name)}
                    />
                  ),
                },
              ]}
            />
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              style={{ margin: '12px 0' }}
              onClick={() => add({ userId: null })}
            >
              添加
            </Button>
          </>
        )}
      </Form.List>
      <Space style={{ display: 'flex' }}>
        <Button type="primary" htmlType="submit" loading={busy}>
          保存
        </Button>
        <Button onClick={() => props.onDone(false)}>取消</Button>
      </Space>
    </Form>
  );
}
