import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Empty, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { applyServerErrors } from '../../shared/forms';
import { useCan } from '../../shared/me';
import { OrgPicker } from '../users/OrgPicker';
import { answerObjection, fetchObjections, OBJECTION_STATES, type Objection } from './public-api';

/** 村民异议: objections from the portal to the units' published items, with their clock; the unit answers. */
export default function ObjectionsPage() {
  const can = useCan();
  const qc = useQueryClient();
  const [orgId, setOrgId] = useState<number | undefined>();
  const [state, setState] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [answering, setAnswering] = useState<Objection | null>(null);
  const list = useQuery({
    queryKey: ['openness', 'objections', orgId, state, page],
    queryFn: () => fetchObjections({ orgId, state, page, pageSize: 20 }),
  });
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <OrgPicker
          placeholder="全部单位"
          style={{ width: 240 }}
          value={orgId}
          onChange={(v) => setOrgId(v ?? undefined)}
        />
        <Select
          allowClear
          placeholder="全部状态"
          style={{ width: 160 }}
          value={state}
          onChange={(v) => {
            setState(v);
            setPage(1);
          }}
          options={[
            { value: 'open', label: '待答复' },
            { value: 'overdue', label: '逾期未答复' },
            { value: 'answered', label: '已答复' },
          ]}
        />
      </Space>
      {list.error && <Alert type="error" showIcon title={(list.error as Error).message} />}
      <Table<Objection>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items}
        locale={{ emptyText: <Empty description="暂无村民异议" /> }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total, onChange: setPage }}
        columns={[
          { title: '单位', dataIndex: 'orgName', width: 120 },
          { title: '公开事项', dataIndex: 'itemTitle' },
          { title: '异议内容', dataIndex: 'text', ellipsis: true },
          { title: '提出日期', dataIndex: 'receivedOn', width: 110 },
          { title: '答复期限', dataIndex: 'dueOn', width: 110 },
          {
            title: '状态',
            width: 120,
            render: (_, r) => (
              <Tag color={OBJECTION_STATES[r.state].color}>
                {OBJECTION_STATES[r.state].label}
                {r.escalatedOn ? '（已督办）' : ''}
              </Tag>
            ),
          },
          {
            title: '答复',
            render: (_, r) =>
              r.answer ? (
                <Typography.Text>
                  {r.answeredOn}：{r.answer}
                </Typography.Text>
              ) : can('disclosure.draft') ? (
                <Button size="small" onClick={() => setAnswering(r)}>
                  答复
                </Button>
              ) : null,
          },
        ]}
      />
      {answering && (
        <AnswerModal
          row={answering}
          onClose={() => setAnswering(null)}
          onDone={() => {
            setAnswering(null);
            qc.invalidateQueries({ queryKey: ['openness', 'objections'] });
          }}
        />
      )}
    </>
  );
}

function AnswerModal({ row, onClose, onDone }: { row: Objection; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ answer: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      await answerObjection(row.id, { answer: form.getFieldValue('answer') ?? '', version: row.version });
      onDone();
    } catch (err) {
      setError(applyServerErrors(form, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`答复异议：${row.itemTitle}`}
      okText="提交答复"
      onOk={save}
      confirmLoading={busy}
      onCancel={onClose}
    >
      <p>{row.text}</p>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="answer" label="答复内容">
          <Input.TextArea rows={5} aria-label="答复内容" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
