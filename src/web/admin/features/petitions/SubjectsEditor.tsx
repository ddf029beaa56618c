import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Radio, Space } from 'antd';
import { CadreSelect } from '../../shared/CadreSelect';

/** 被反映人: each from the cadre registry, or by name and unit when not in it. */
export function SubjectsEditor() {
  return (
    <Form.List name="subjects">
      {(fields, { add, remove }) => (
        <>
          {fields.map((f) => (
            <Space key={f.key} align="start" style={{ display: 'flex', marginBottom: 8 }} wrap>
              <Form.Item name={[f.name, 'mode']} initialValue="registry" noStyle>
                <Radio.Group
                  optionType="button"
                  size="small"
                  options={[
                    { value: 'registry', label: '从名册选择' },
                    { value: 'text', label: '手工填写' },
                  ]}
                />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {({ getFieldValue }) =>
                  getFieldValue(['subjects', f.name, 'mode']) === 'text' ? (
                    <Space>
                      <Form.Item
                        name={[f.name, 'name']}
                        rules={[{ required: true, message: '请填写姓名' }]}
                        noStyle
                      >
                        <Input placeholder="姓名" style={{ width: 120 }} maxLength={30} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'unitText']} noStyle>
                        <Input placeholder="单位及职务（可不填）" style={{ width: 220 }} maxLength={60} />
                      </Form.Item>
                    </Space>
                  ) : (
                    <Form.Item
                      name={[f.name, 'cadreId']}
                      rules={[{ required: true, message: '请选择干部' }]}
                      noStyle
                    >
                      <CadreSelect notFoundHint="可改为手工填写" />
                    </Form.Item>
                  )
                }
              </Form.Item>
              <Button
                type="text"
                icon={<MinusCircleOutlined />}
                aria-label="移除被反映人"
                onClick={() => remove(f.name)}
              />
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ mode: 'registry' })}>
            添加被反映人
          </Button>
        </>
      )}
    </Form.List>
  );
}

interface SubjectValue {
  mode?: string;
  cadreId?: number | null;
  name?: string;
  unitText?: string;
}

export const toSubjects = (list: SubjectValue[] | undefined) =>
  (list ?? []).map((s) =>
    s.mode === 'text' ? { name: s.name, unitText: s.unitText || null } : { cadreId: s.cadreId ?? null },
  );
