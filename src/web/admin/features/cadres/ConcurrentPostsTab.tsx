import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Form, Input, Modal, Popconfirm, Table } from 'antd';
import { useState } from 'react';
import { applyServerErrors } from '../../shared/forms';
import { useCan } from '../../shared/me';
import { OrgPicker } from '../users/OrgPicker';
import { DateInput } from './DateInput';
import {
  addConcurrentPost,
  type ConcurrentPost,
  fetchConcurrentPosts,
  removeConcurrentPost,
} from './tenure-api';

/** 交叉兼职: further posts held alongside the main one (村组干部 often hold several). */
export function ConcurrentPostsTab({ cadreId }: { cadreId: number }) {
  const can = useCan();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState(false);
  const key = ['cadres', 'concurrent', cadreId];
  const list = useQuery({ queryKey: key, queryFn: () => fetchConcurrentPosts(cadreId) });
  const remove = async (p: ConcurrentPost) => {
    try {
      await removeConcurrentPost(cadreId, p.id);
      message.success('已删除');
      client.invalidateQueries({ queryKey: key });
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <>
      {can('cadre.manage') && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          style={{ marginBottom: 12 }}
          onClick={() => setAdding(true)}
        >
          新增兼职
        </Button>
      )}
      <Table<ConcurrentPost>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data}
        pagination={false}
        locale={{ emptyText: <Empty description="没有兼职" /> }}
        columns={[
          { title: '兼职单位', dataIndex: 'orgName' },
          { title: '兼任职务', dataIndex: 'title' },
          { title: '开始日期', dataIndex: 'startDate' },
          { title: '结束日期', dataIndex: 'endDate', render: (d: string | null) => d ?? '至今' },
          ...(can('cadre.manage')
            ? [
                {
                  title: '操作',
                  width: 90,
                  render: (_: unknown, p: ConcurrentPost) => (
                    <Popconfirm title={`确定删除兼职“${p.title}”吗？`} onConfirm={() => remove(p)}>
                      <Button type="link" size="small" danger>
                        删除
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={adding}
        title="新增兼职"
        okText="保存"
        confirmLoading={busy}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={async (v) => {
            setBusy(true);
            try {
              await addConcurrentPost(cadreId, { ...v, title: v.title.trim(), endDate: v.endDate ?? null });
              setAdding(false);
              client.invalidateQueries({ queryKey: key });
            } catch (e) {
              message.error(applyServerErrors(form, e));
            } finally {
              setBusy(false);
            }
          }}
        >
          <Form.Item name="orgId" label="兼职单位" rules={[{ required: true, message: '请选择兼职单位' }]}>
            <OrgPicker />
          </Form.Item>
          <Form.Item
            name="title"
            label="兼任职务"
            rules={[{ required: true, whitespace: true, message: '请输入兼任职务' }]}
          >
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item
            name="startDate"
            label="开始日期"
            rules={[{ required: true, message: '请选择开始日期' }]}
          >
            <DateInput />
          </Form.Item>
          <Form.Item name="endDate" label="结束日期" extra="仍在兼任请留空">
            <DateInput />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
