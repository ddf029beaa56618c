import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { FormInstance } from 'antd';
import { Button, DatePicker, Form, Input, InputNumber, Select, Space, Switch } from 'antd';

/** 办事程序: 依据, 条件, 程序 and 时限, each required. */
function ProcedureFields() {
  const need = (label: string) => [{ required: true, whitespace: true, message: `请填写${label}` }];
  return (
    <>
      <Form.Item name={['procedure', 'basis']} label="办事依据" rules={need('办事依据')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name={['procedure', 'conditions']} label="办理条件" rules={need('办理条件')}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Form.Item name={['procedure', 'steps']} label="办理程序" rules={need('办理程序')}>
        <Input.TextArea rows={4} maxLength={10_000} />
      </Form.Item>
      <Form.Item name={['procedure', 'timeLimit']} label="办理时限" rules={need('办理时限')}>
        <Input maxLength={200} style={{ width: 320 }} />
      </Form.Item>
    </>
  );
}

/**
 * The fields of a disclosure: title, text, the finance table (lines and stated totals), 发布机构,
 * 发文日期, 文号; for a 办事程序 item (`procedure`) its 依据, 条件, 程序 and 时限.
 */
export function DisclosureFields(props: { form: FormInstance; procedure?: boolean }) {
  const withFinance = Form.useWatch('withFinance', props.form);
  return (
    <>
      <Form.Item
        name="title"
        label="标题"
        rules={[{ required: true, whitespace: true, message: '请填写标题' }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="body"
        label="公开内容"
        rules={[{ required: true, whitespace: true, message: '请填写公开内容' }]}
      >
        <Input.TextArea rows={6} />
      </Form.Item>
      {props.procedure && <ProcedureFields />}
      <Space wrap>
        <Form.Item
          name="issuingBody"
          label="发布机构"
          rules={[{ required: true, whitespace: true, message: '请填写发布机构' }]}
        >
          <Input style={{ width: 220 }} maxLength={60} />
        </Form.Item>
        <Form.Item name="issuedOn" label="发文日期" extra="留空则取公开当日">
          <DatePicker />
        </Form.Item>
        <Form.Item name="docNumber" label="文号">
          <Input style={{ width: 200 }} maxLength={60} />
        </Form.Item>
      </Space>
      <Form.Item name="withFinance" label="附财务收支表" valuePropName="checked">
        <Switch />
      </Form.Item>
      {withFinance && (
        <>
          <Form.List name={['finance', 'lines']}>
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item name={[f.name, 'kind']} rules={[{ required: true, message: '收入或支出' }]}>
                      <Select
                        style={{ width: 90 }}
                        options={[
                          { value: 'income', label: '收入' },
                          { value: 'expense', label: '支出' },
                        ]}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'item']}
                      rules={[{ required: true, whitespace: true, message: '请填写收支项目' }]}
                    >
                      <Input placeholder="收支项目" style={{ width: 220 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'amount']} rules={[{ required: true, message: '请填写金额' }]}>
                      <InputNumber placeholder="金额（元）" min={0} precision={2} style={{ width: 160 }} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ kind: 'expense' })}
                  style={{ marginBottom: 16 }}
                >
                  增加一行
                </Button>
              </>
            )}
          </Form.List>
          <Space wrap>
            <Form.Item
              name={['finance', 'totalIncome']}
              label="收入合计（元）"
              rules={[{ required: true, message: '请填写收入合计' }]}
            >
              <InputNumber min={0} precision={2} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item
              name={['finance', 'totalExpense']}
              label="支出合计（元）"
              rules={[{ required: true, message: '请填写支出合计' }]}
            >
              <InputNumber min={0} precision={2} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name={['finance', 'balance']} label="本期结余（元）">
              <InputNumber precision={2} style={{ width: 160 }} />
            </Form.Item>
          </Space>
        </>
      )}
    </>
  );
}
