import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { applyServerErrors } from '../../shared/forms';
import { createOrg, ORG_KIND_LABELS, type Org, updateOrg } from './api';

const CHILD_KINDS: Record<string, string[]> = {
  root: ['district', 'township'],
  district: ['township', 'department'],
  township: ['department', 'village'],
  village: ['group'],
};

export function OrgForm(props: {
  org: Org | null;
  parent: Org | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { org, parent } = props;
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const kinds = CHILD_KINDS[parent?.kind ?? 'root'] ?? [];
  const kind = Form.useWatch('kind', form) ?? org?.kind;
  const handlesPetitions = kind === 'township' || kind === 'district';
  return (
    <Modal
      open
      title={org ? `编辑组织：${org.name}` : parent ? `在“${parent.name}”下新建组织` : '新建顶级组织'}
      okText="保存"
      confirmLoading={busy}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={org ?? { kind: kinds[0], sort: 0 }}
        onFinish={async (v) => {
          setBusy(true);
          try {
            if (org)
              await updateOrg(org.id, {
                name: v.name,
                code: v.code || null,
                sort: v.sort ?? 0,
                ...(handlesPetitions && { petitionPrefix: v.petitionPrefix?.trim() || null }),
                version: org.version,
              });
            else
              await createOrg({
                name: v.name,
                kind: v.kind,
                parentId: parent?.id ?? null,
                code: v.code || null,
                sort: v.sort ?? 0,
                ...(handlesPetitions && { petitionPrefix: v.petitionPrefix?.trim() || null }),
              });
            message.success('已保存');
            props.onSaved();
          } catch (e) {
            message.error(applyServerErrors(form, e));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item
          name="name"
          label="名称"
          rules={[
            { required: true, whitespace: true, message: '请输入组织名称' },
            { max: 60, message: '不超过 60 字' },
          ]}
        >
          <Input />
        </Form.Item>
        {!org && (
          <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
            <Select
              options={kinds.map((k) => ({ value: k, label: ORG_KIND_LABELS[k] }))}
              notFoundContent="该组织下不能再设下级"
            />
          </Form.Item>
        )}
        <Form.Item name="code" label="编码">
          <Input maxLength={30} />
        </Form.Item>
        {handlesPetitions && (
          <Form.Item
            name="petitionPrefix"
            label="信访编号前缀"
            extra={
              org?.petitionPrefix
                ? `本单位信访件编号如 ${org.petitionPrefix}-XF${new Date().getFullYear()}-0001；修改后新登记的信访件使用新前缀，已有编号不变。`
                : `全区唯一，1 至 8 位大写字母或数字。留空则按名称拼音首字母自动生成${org ? `（${org.petitionPrefixSuggested}）` : ''}。`
            }
            rules={[
              {
                pattern: /^\s*[A-Za-z][A-Za-z0-9]{0,7}\s*$/,
                message: '应为 1 至 8 位字母或数字，以字母开头',
              },
            ]}
            normalize={(v: string) => v?.toUpperCase()}
          >
            <Input maxLength={8} style={{ width: 200 }} placeholder={org?.petitionPrefixSuggested} />
          </Form.Item>
        )}
        <Form.Item name="sort" label="排序">
          <InputNumber min={0} max={9999} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
