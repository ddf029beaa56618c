import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Drawer,
  Empty,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { applyServerErrors } from '../../shared/forms';
import { useCan } from '../../shared/me';
import { OrgPicker } from '../users/OrgPicker';
import {
  createItemType,
  fetchItemTypes,
  type ItemType,
  type ItemTypeInput,
  LEVELS,
  MODES,
  TIMING_RULES,
  TIMINGS,
  updateItemType,
} from './api';

const req = (label: string, max: number) => [
  { required: true, whitespace: true, message: `请填写${label}` },
  { max, message: `${label}不超过 ${max} 字` },
];

/** 公开目录: the openness item types per level with the standard columns and their timing rules. */
export default function CataloguePage() {
  const can = useCan();
  const qc = useQueryClient();
  const [level, setLevel] = useState<string | undefined>();
  const [editing, setEditing] = useState<ItemType | 'new' | null>(null);
  const list = useQuery({
    queryKey: ['openness', 'catalogue', level],
    queryFn: () => fetchItemTypes({ level }),
  });
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder="公开层级"
          style={{ width: 140 }}
          value={level}
          onChange={setLevel}
          options={Object.entries(LEVELS).map(([value, label]) => ({ value, label }))}
        />
        {can('disclosure.catalogue') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新增公开事项
          </Button>
        )}
      </Space>
      <Table<ItemType>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items}
        pagination={false}
        scroll={{ x: 1400 }}
        locale={{ emptyText: <Empty description="公开目录为空" /> }}
        columns={[
          {
            title: '公开事项',
            dataIndex: 'name',
            fixed: 'left',
            width: 160,
            render: (n, r) => (
              <Space direction="vertical" size={0}>
                <span>{n}</span>
                {!r.active && <Tag>已停用</Tag>}
                {r.orgName && <Tag color="purple">{r.orgName}自定</Tag>}
              </Space>
            ),
          },
          { title: '公开层级', dataIndex: 'level', width: 90, render: (l) => LEVELS[l] ?? l },
          { title: '公开内容（要素）', dataIndex: 'content', width: 260 },
          { title: '公开依据', dataIndex: 'basis', width: 200 },
          {
            title: '公开时限',
            dataIndex: 'timeLimit',
            width: 200,
            render: (tl, r) => (
              <Space direction="vertical" size={0}>
                <span>{tl}</span>
                <Tag>
                  {TIMINGS[r.timing]}
                  {r.ruleValue != null ? `：${r.ruleValue}` : ''}
                </Tag>
              </Space>
            ),
          },
          { title: '公开主体', dataIndex: 'subject', width: 120 },
          { title: '公开渠道和载体', dataIndex: 'channel', width: 160 },
          { title: '公开对象', dataIndex: 'audience', width: 100 },
          { title: '公开方式', dataIndex: 'mode', width: 100, render: (m) => MODES[m] ?? m },
          {
            title: '操作',
            width: 80,
            fixed: 'right',
            render: (_, r) =>
              r.canEdit ? (
                <Button type="link" size="small" onClick={() => setEditing(r)}>
                  编辑
                </Button>
              ) : null,
          },
        ]}
      />
      {editing && (
        <ItemTypeDrawer
          row={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            qc.invalidateQueries({ queryKey: ['openness', 'catalogue'] });
          }}
        />
      )}
    </>
  );
}

function ItemTypeDrawer(props: { row: ItemType | null; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<ItemTypeInput>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const timing = Form.useWatch('timing', form);
  const submit = async (v: ItemTypeInput) => {
    setBusy(true);
    try {
      const body: ItemTypeInput = {
        level: v.level,
        name: v.name,
        content: v.content,
        basis: v.basis,
        timeLimit: v.timeLimit,
        subject: v.subject,
        channel: v.channel,
        audience: v.audience,
        mode: v.mode,
        timing: v.timing,
        ruleKey: v.timing === 'none' ? null : (v.ruleKey ?? null),
        procedure: v.procedure ?? false,
        sort: v.sort ?? 0,
        active: v.active ?? true,
      };
      if (props.row) await updateItemType(props.row.id, { ...body, version: props.row.version });
      else await createItemType({ ...body, orgId: v.orgId ?? null });
      props.onDone();
    } catch (e) {
      setError(applyServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Drawer
      open
      width={560}
      title={props.row ? `编辑公开事项：${props.row.name}` : '新增公开事项'}
      onClose={props.onClose}
      extra={
        <Button type="primary" loading={busy} onClick={() => form.submit()}>
          保存
        </Button>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          props.row ?? { level: 'village', mode: 'active', timing: 'monthly', sort: 0, active: true }
        }
      >
        {!props.row && (
          <Form.Item
            name="orgId"
            label="所属乡镇"
            extra="留空为全区默认目录（由区级维护）；乡镇自定事项只在本镇及所属单位使用"
          >
            <OrgPicker allowClear placeholder="全区默认目录" />
          </Form.Item>
        )}
        <Form.Item name="level" label="公开层级" rules={[{ required: true, message: '请选择公开层级' }]}>
          <Select options={Object.entries(LEVELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="name" label="公开事项名称" rules={req('公开事项名称', 60)}>
          <Input />
        </Form.Item>
        <Form.Item name="content" label="公开内容（要素）" rules={req('公开内容(要素)', 1000)}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="basis" label="公开依据" rules={req('公开依据', 500)}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="timeLimit" label="公开时限" rules={req('公开时限', 100)}>
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item
            name="timing"
            label="时限规则"
            rules={[{ required: true, message: '请选择公开时限规则' }]}
          >
            <Select
              style={{ width: 260 }}
              options={Object.entries(TIMINGS).map(([value, label]) => ({ value, label }))}
              onChange={(t: string) => form.setFieldValue('ruleKey', TIMING_RULES[t]?.[0]?.key ?? null)}
            />
          </Form.Item>
          {timing && timing !== 'none' && (
            <Form.Item name="ruleKey" label="取值规则" rules={[{ required: true, message: '请选择规则' }]}>
              <Select
                style={{ width: 220 }}
                options={(TIMING_RULES[timing] ?? []).map((r) => ({ value: r.key, label: r.label }))}
              />
            </Form.Item>
          )}
        </Space>
        <Form.Item name="subject" label="公开主体" rules={req('公开主体', 60)}>
          <Input />
        </Form.Item>
        <Form.Item name="channel" label="公开渠道和载体" rules={req('公开渠道和载体', 200)}>
          <Input />
        </Form.Item>
        <Form.Item name="audience" label="公开对象" rules={req('公开对象', 60)}>
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item name="mode" label="公开方式">
            <Select
              style={{ width: 160 }}
              options={Object.entries(MODES).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item name="sort" label="排序">
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="active" label="启用" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item
            name="procedure"
            label="办事程序"
            valuePropName="checked"
            extra="开启后，该类公开事项须填写办事依据、办理条件、办理程序和办理时限"
          >
            <Switch />
          </Form.Item>
        </Space>
      </Form>
    </Drawer>
  );
}
