import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { CadreSelect } from '../../shared/CadreSelect';
import { applyServerErrors } from '../../shared/forms';
import { useMe } from '../../shared/me';
import { OrgPicker } from '../users/OrgPicker';
import { createRecord, fetchOptions, type RecordDetail, type RecordInput, updateRecord } from './api';
import { PolicySelect, SanctionKindSelect, TenureSelect } from './Pickers';

interface SanctionValues {
  kind: string;
  effectiveFrom?: Dayjs | null;
  gradeYear?: number | null;
  tenureIds?: number[];
  note?: string;
}
interface Values {
  orgId: number;
  kind: string;
  category?: string | null;
  title: string;
  facts: string;
  basis: string;
  basisPolicyId?: number | null;
  decidingBody?: string;
  decidedOn?: Dayjs | null;
  persons: {
    cadreId?: number | null;
    name?: string;
    post?: string;
    role?: string;
    sanctions: SanctionValues[];
  }[];
}

const day = (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null);
const LADDER: Record<string, string> = { light: '情节较轻', serious: '情节较重', grave: '情节严重' };

function toInput(v: Values): RecordInput {
  return {
    orgId: v.orgId,
    kind: v.kind,
    category: v.kind === 'work_error' ? (v.category ?? null) : null,
    title: v.title,
    facts: v.facts,
    basis: v.basis,
    basisPolicyId: v.basisPolicyId ?? null,
    decidingBody: v.decidingBody || null,
    decidedOn: day(v.decidedOn),
    persons: (v.persons ?? []).map((p) => ({
      cadreId: p.cadreId ?? null,
      name: p.cadreId ? null : p.name || null,
      post: p.post || null,
      role: p.role || null,
      sanctions: (p.sanctions ?? []).map((s) => ({
        kind: s.kind,
        effectiveFrom: day(s.effectiveFrom),
        gradeYear: s.gradeYear ?? null,
        tenureIds: s.tenureIds ?? [],
        note: s.note || null,
      })),
    })),
  };
}

function fromDetail(r: RecordDetail): Values {
  return {
    orgId: r.orgId,
    kind: r.kind,
    category: r.category,
    title: r.title,
    facts: r.facts,
    basis: r.basis,
    basisPolicyId: r.basisPolicy?.id ?? null,
    decidingBody: r.decidingBody ?? undefined,
    decidedOn: r.decidedOn ? dayjs(r.decidedOn) : null,
    persons: r.people.map((p) => ({
      cadreId: p.cadreId,
      name: p.cadreId ? undefined : p.name,
      post: p.post ?? undefined,
      role: p.role ?? undefined,
      sanctions: p.sanctions
        .filter((s) => s.status === 'in_force')
        .map((s) => ({
          kind: s.kind,
          effectiveFrom: s.effectiveFrom ? dayjs(s.effectiveFrom) : null,
          gradeYear: s.gradeYear,
          tenureIds: s.tenures.map((t) => t.id),
          note: s.note ?? undefined,
        })),
    })),
  };
}

/** 登记 / 修改追究事项: the record, its persons (a registry cadre or a named person) and their sanctions. */
export function RecordDrawer(props: {
  record?: RecordDetail;
  onClose: () => void;
  onSaved: (r: RecordDetail) => void;
}) {
  const { me } = useMe();
  const client = useQueryClient();
  const options = useQuery({ queryKey: ['accountability', 'options'], queryFn: fetchOptions });
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const kind = Form.useWatch('kind', form);
  const category = Form.useWatch('category', form);
  const ladder = options.data?.categories.find((c) => c.code === category)?.ladder;
  const kindLabel = (code: string) => options.data?.sanctionKinds.find((k) => k.code === code)?.label ?? code;
  const submit = async (v: Values) => {
    setSaving(true);
    setError(null);
    try {
      const { orgId, ...fields } = toInput({ ...v, orgId: v.orgId ?? props.record?.orgId });
      const saved = props.record
        ? await updateRecord(props.record.id, { ...fields, version: props.record.version })
        : await createRecord({ orgId, ...fields });
      await client.invalidateQueries({ queryKey: ['accountability'] });
      props.onSaved(saved);
    } catch (e) {
      setError(applyServerErrors(form, e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Drawer
      open
      title={props.record ? '修改追究事项' : '登记追究事项'}
      size="large"
      onClose={props.onClose}
      extra={
        <Space>
          <Button onClick={props.onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            保存为待确认
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          props.record
            ? fromDetail(props.record)
            : { orgId: me?.orgId, kind: 'work_error', persons: [{ sanctions: [{}] }] }
        }
      >
        <Space size="large" wrap>
          {!props.record && (
            <Form.Item name="orgId" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
              <OrgPicker style={{ width: 200 }} />
            </Form.Item>
          )}
          <Form.Item name="kind" label="追究类型" rules={[{ required: true, message: '请选择追究类型' }]}>
            <Select
              style={{ width: 160 }}
              options={options.data?.kinds.map((k) => ({ value: k.code, label: k.label }))}
            />
          </Form.Item>
          {kind === 'work_error' && (
            <Form.Item
              name="category"
              label="工作失误类别"
              rules={[{ required: true, message: '请选择工作失误类别' }]}
            >
              <Select
                style={{ width: 240 }}
                options={options.data?.categories.map((c) => ({ value: c.code, label: c.label }))}
              />
            </Form.Item>
          )}
        </Space>
        {ladder && (
          <Alert
            type="info"
            style={{ marginBottom: 16 }}
            title="处理档次（规则配置）"
            description={Object.entries(ladder).map(([step, kinds]) => (
              <div key={step}>
                {LADDER[step] ?? step}：{kinds.map(kindLabel).join('、')}
              </div>
            ))}
          />
        )}
        <Form.Item
          name="title"
          label="事由"
          rules={[{ required: true, whitespace: true, message: '请填写事由' }]}
        >
          <Input maxLength={100} placeholder="如：违规任免干部" />
        </Form.Item>
        <Form.Item
          name="facts"
          label="基本事实"
          rules={[{ required: true, whitespace: true, message: '请填写基本事实' }]}
        >
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item
            name="basis"
            label="追究依据"
            rules={[{ required: true, whitespace: true, message: '请填写追究依据' }]}
          >
            <Input style={{ width: 320 }} placeholder="如：《工作失误追究制》第三条" />
          </Form.Item>
          <Form.Item name="basisPolicyId" label="依据制度">
            <PolicySelect />
          </Form.Item>
        </Space>
        <Space size="large" wrap>
          <Form.Item name="decidingBody" label="决定机关">
            <Input style={{ width: 220 }} placeholder="如：中共大兴镇委员会" />
          </Form.Item>
          <Form.Item name="decidedOn" label="决定日期">
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        </Space>
        <Typography.Title level={5}>被追究人及处理</Typography.Title>
        <Form.List name="persons">
          {(persons, { add, remove }) => (
            <>
              {persons.map((p, i) => (
                <PersonCard
                  key={p.key}
                  index={i}
                  name={p.name}
                  onRemove={() => remove(p.name)}
                  options={options.data}
                />
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ sanctions: [{}] })}>
                添加被追究人
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}

function PersonCard(props: {
  index: number;
  name: number;
  onRemove: () => void;
  options?: Parameters<typeof SanctionKindSelect>[0]['options'];
}) {
  const form = Form.useFormInstance<Values>();
  const cadreId = Form.useWatch(['persons', props.name, 'cadreId'], form);
  return (
    <Card
      size="small"
      title={`被追究人 ${props.index + 1}`}
      extra={<MinusCircleOutlined onClick={props.onRemove} aria-label="移除被追究人" />}
      style={{ marginBottom: 12 }}
    >
      <Space wrap>
        <Form.Item name={[props.name, 'cadreId']} label="干部">
          <CadreSelect notFoundHint="可改为填写姓名" />
        </Form.Item>
        {!cadreId && (
          <Form.Item name={[props.name, 'name']} label="姓名（名册外人员）">
            <Input style={{ width: 140 }} />
          </Form.Item>
        )}
        <Form.Item name={[props.name, 'post']} label="单位及职务">
          <Input style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name={[props.name, 'role']} label="责任类别">
          <Input style={{ width: 120 }} placeholder="责任人/承办人" />
        </Form.Item>
      </Space>
      <Form.List name={[props.name, 'sanctions']}>
        {(sanctions, { add, remove }) => (
          <>
            {sanctions.map((s) => (
              <SanctionRow
                key={s.key}
                person={props.name}
                name={s.name}
                cadreId={cadreId}
                options={props.options}
                onRemove={() => remove(s.name)}
              />
            ))}
            <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
              添加处理
            </Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}

function SanctionRow(props: {
  person: number;
  name: number;
  cadreId?: number | null;
  options?: Parameters<typeof SanctionKindSelect>[0]['options'];
  onRemove: () => void;
}) {
  const form = Form.useFormInstance<Values>();
  const kind = Form.useWatch(['persons', props.person, 'sanctions', props.name, 'kind'], form);
  return (
    <Space align="start" wrap>
      <Form.Item name={[props.name, 'kind']} rules={[{ required: true, message: '请选择处理种类' }]}>
        <SanctionKindSelect options={props.options} />
      </Form.Item>
      <Form.Item name={[props.name, 'effectiveFrom']}>
        <DatePicker
          placeholder="生效日期（默认决定日期）"
          style={{ width: 200 }}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
        />
      </Form.Item>
      {kind === 'revoke_appointment' && (
        <Form.Item
          name={[props.name, 'tenureIds']}
          rules={[{ required: true, message: '请选择被撤销的任职' }]}
        >
          <TenureSelect cadreId={props.cadreId} />
        </Form.Item>
      )}
      {kind === 'grade_incompetent' && (
        <Form.Item name={[props.name, 'gradeYear']}>
          <InputNumber placeholder="考核年度" min={1990} max={2100} />
        </Form.Item>
      )}
      <Form.Item name={[props.name, 'note']}>
        <Input placeholder="备注" style={{ width: 160 }} />
      </Form.Item>
      <MinusCircleOutlined onClick={props.onRemove} aria-label="移除处理" style={{ marginTop: 8 }} />
    </Space>
  );
}
