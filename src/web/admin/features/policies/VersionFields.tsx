import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { fetchRuleOptions, type VersionInput } from './api';

/** The form values of a version: dates as pickers, the quiz with 1-based answers. */
export interface VersionValues {
  adoptedOn: Dayjs;
  effectiveOn: Dayjs;
  body: string;
  ruleKeys?: string[];
  changeNote?: string;
  quizPassMark?: number;
  questions?: { question: string; options: string[]; answer: number }[];
}

export function versionInput(v: VersionValues): VersionInput {
  const questions = v.questions ?? [];
  return {
    adoptedOn: v.adoptedOn.format('YYYY-MM-DD'),
    effectiveOn: v.effectiveOn.format('YYYY-MM-DD'),
    body: v.body,
    ruleKeys: v.ruleKeys ?? [],
    changeNote: v.changeNote || null,
    quiz: questions.length
      ? {
          passMark: v.quizPassMark ?? 60,
          questions: questions.map((q) => ({
            question: q.question,
            options: q.options ?? [],
            answer: (q.answer ?? 1) - 1,
          })),
        }
      : null,
  };
}

/** A version's fields: dates, text, the rules it sources, change note and an optional quiz. */
export function VersionFields({ revision }: { revision?: boolean }) {
  const rules = useQuery({ queryKey: ['rules'], queryFn: fetchRuleOptions });
  return (
    <>
      <Space size="large" wrap>
        <Form.Item
          name="adoptedOn"
          label={revision ? '修订通过日期' : '通过日期'}
          rules={[{ required: true, message: '请选择通过日期' }]}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="effectiveOn"
          label="施行日期"
          rules={[{ required: true, message: '请选择施行日期' }]}
        >
          <DatePicker />
        </Form.Item>
      </Space>
      <Form.Item
        name="body"
        label="制度正文"
        rules={[{ required: true, whitespace: true, message: '请填写制度正文' }]}
      >
        <Input.TextArea rows={10} placeholder="每条一行，如：第一条 ……" />
      </Form.Item>
      <Form.Item name="ruleKeys" label="依据本制度的规则" extra="关联规则配置中由本制度确定的规则项">
        <Select
          mode="multiple"
          allowClear
          loading={rules.isLoading}
          optionFilterProp="label"
          placeholder="可不选"
          options={(rules.data ?? []).map((r) => ({ value: r.key, label: `${r.name}（${r.key}）` }))}
        />
      </Form.Item>
      <Form.Item
        name="changeNote"
        label={revision ? '修订说明' : '备注'}
        rules={[{ max: 500, message: '不超过 500 字' }]}
      >
        <Input />
      </Form.Item>
      <Card size="small" title="学习测验（可选，单选题）">
        <Form.Item name="quizPassMark" label="及格分（百分制）" initialValue={60}>
          <InputNumber min={1} max={100} />
        </Form.Item>
        <Form.List name="questions">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="start" wrap>
                  <Form.Item
                    name={[f.name, 'question']}
                    label={`第 ${i + 1} 题`}
                    rules={[{ required: true, message: '请填写题目' }]}
                  >
                    <Input style={{ width: 260 }} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'options']}
                    label="选项"
                    rules={[{ required: true, type: 'array', min: 2, message: '至少两个选项' }]}
                  >
                    <Select mode="tags" style={{ width: 260 }} placeholder="输入后回车" open={false} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'answer']}
                    label="正确答案（第几项）"
                    rules={[{ required: true, message: '请填写正确答案' }]}
                  >
                    <InputNumber min={1} max={6} />
                  </Form.Item>
                  <MinusCircleOutlined aria-label="删除此题" onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                添加测验题
              </Button>
            </>
          )}
        </Form.List>
      </Card>
    </>
  );
}
