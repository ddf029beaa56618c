import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  DatePicker,
  Drawer,
  Empty,
  Form,
  Input,
  InputNumber,
  Radio,
  Space,
  Table,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { CadreSelect } from '../../shared/CadreSelect';
import { applyServerErrors } from '../../shared/forms';
import { useCan, useMe } from '../../shared/me';
import { createEvaluation, fetchEvaluations } from './api';

/** 民主测评: the evaluations the caller may see; a new one is set up here, its codes printed on its page. */
export default function EvaluationsPage() {
  const can = useCan();
  const nav = useNavigate();
  const [open, setOpen] = useState(false);
  const list = useQuery({ queryKey: ['assessments', 'evaluations'], queryFn: fetchEvaluations });
  return (
    <>
      {can('assessment.manage') && (
        <Space style={{ marginBottom: 16 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            组织民主测评
          </Button>
        </Space>
      )}
      <Table
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description="还没有民主测评" /> }}
        pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 次` }}
        columns={[
          {
            title: '测评',
            dataIndex: 'title',
            render: (t, r) => <Link to={`/assessments/evaluations/${r.id}`}>{t}</Link>,
          },
          { title: '测评日期', dataIndex: 'heldOn' },
          { title: '应参加', dataIndex: 'electorate' },
          { title: '已投票', dataIndex: 'cast' },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s) => (s === 'open' ? <Tag color="processing">进行中</Tag> : <Tag>已结束</Tag>),
          },
        ]}
      />
      {open && (
        <NewEvaluationDrawer
          onClose={() => setOpen(false)}
          onDone={(id) => nav(`/assessments/evaluations/${id}`)}
        />
      )}
    </>
  );
}

function NewEvaluationDrawer({ onClose, onDone }: { onClose: () => void; onDone: (id: number) => void }) {
  const { me } = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const kind = Form.useWatch('subjectKind', form) ?? 'cadre';
  const submit = async (v: {
    title: string;
    subjectKind: string;
    subjects: (number | null)[];
    electorate: number;
    heldOn: Dayjs;
  }) => {
    try {
      const r = await createEvaluation({
        orgId: me!.orgId,
        title: v.title,
        subjectKind: v.subjectKind,
        subjectCadreIds: (v.subjects ?? []).filter((x): x is number => !!x),
        electorate: v.electorate,
        heldOn: v.heldOn?.format('YYYY-MM-DD'),
      });
      message.success('已创建，请生成并打印测评码');
      onDone(r.id);
    } catch (e) {
      message.error(applyServerErrors(form, e));
    }
  };
  return (
    <Drawer open title="组织民主测评" width={520} onClose={onClose} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ subjectKind: 'cadre', subjects: [null] }}
      >
        <Form.Item name="title" label="测评名称" rules={[{ required: true, message: '请填写测评名称' }]}>
          <Input maxLength={100} placeholder="如：2026 年度干部民主测评" />
        </Form.Item>
        <Form.Item name="subjectKind" label="测评对象">
          <Radio.Group
            options={[
              { value: 'cadre', label: '干部个人' },
              { value: 'team', label: '领导班子' },
            ]}
          />
        </Form.Item>
        <Form.List name="subjects">
          {(fields, { add }) => (
            <>
              {fields.map((f) => (
                <Form.Item key={f.key} name={f.name} label={f.name === 0 ? '测评对象' : undefined}>
                  <CadreSelect />
                </Form.Item>
              ))}
              {kind === 'team' && (
                <Button onClick={() => add(null)} style={{ marginBottom: 16 }}>
                  添加班子成员
                </Button>
              )}
            </>
          )}
        </Form.List>
        <Form.Item
          name="electorate"
          label="应参加测评人数"
          rules={[{ required: true, message: '请填写应参加测评人数' }]}
        >
          <InputNumber min={1} max={5000} />
        </Form.Item>
        <Form.Item name="heldOn" label="测评日期" rules={[{ required: true, message: '请填写测评日期' }]}>
          <DatePicker />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          创建
        </Button>
      </Form>
    </Drawer>
  );
}
