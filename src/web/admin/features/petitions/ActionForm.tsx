import { Alert, Form, Input, Radio } from 'antd';
import { UserLinkSelect } from '../cadres/UserLinkSelect';
import { OrgPicker } from '../users/OrgPicker';

const text = (name: string, label: string, required: string | null, rows = 4, placeholder?: string) => (
  <Form.Item
    name={name}
    label={label}
    rules={required ? [{ required: true, whitespace: true, message: required }] : []}
  >
    <Input.TextArea
      rows={rows}
      maxLength={name === 'note' ? 2000 : 20000}
      showCount
      placeholder={placeholder}
    />
  </Form.Item>
);

/** What each step explains and asks for. */
export const ACTION_HINTS: Record<string, string> = {
  accept: '受理后开始计算 60 日办理期限。',
  decline: '不予受理须说明理由，并告知反映人。',
  investigate: '转谈话函询或初步核实，指定调查人或交由下属单位办理。',
  hold: '线索暂不具备查核条件的，暂存待查，办理期限继续计算。',
  close: '予以了结须填写处理意见，提交审批。',
  report: '录入调查核实形成的调查报告。',
  submit: '将处理意见提交审批。',
  approve: '审批通过后回复反映人（实名反映的，应在 15 个工作日内反馈）。',
  return: '退回后需修改处理意见再提交。',
  reply: '答复内容将向反映人公开，不得包含反映人身份信息。',
  conclude: '办结后，反映人可在 30 日内申请复查（复核）。',
  request_review: '登记反映人的复查（复核）申请，应在收到答复之日起 30 日内提出。',
  answer_review: '复查（复核）答复将告知反映人；复核后不再受理。',
};

/** The fields of one workflow step. */
export function ActionFields({ action }: { action: string }) {
  const target = Form.useWatch('target');
  const fields = (() => {
    switch (action) {
      case 'decline':
        return (
          <>
            {text('declineReason', '不予受理理由', '请填写不予受理理由', 3)}
            {text('notice', '告知内容（可不填，按理由自动生成）', null, 4)}
          </>
        );
      case 'investigate':
        return (
          <>
            <Form.Item
              name="disposal"
              label="处置方式"
              rules={[{ required: true, message: '请选择处置方式' }]}
            >
              <Radio.Group
                options={[
                  { value: 'talk_inquiry', label: '谈话函询' },
                  { value: 'preliminary_check', label: '初步核实' },
                ]}
              />
            </Form.Item>
            <Form.Item name="target" label="承办" initialValue="user">
              <Radio.Group
                options={[
                  { value: 'user', label: '指定调查人' },
                  { value: 'unit', label: '交由下属单位' },
                ]}
              />
            </Form.Item>
            {target === 'unit' ? (
              <Form.Item
                name="assignedUnitOrgId"
                label="承办单位"
                rules={[{ required: true, message: '请选择承办单位' }]}
              >
                <OrgPicker />
              </Form.Item>
            ) : (
              <Form.Item
                name="investigatorUserId"
                label="调查人"
                rules={[{ required: true, message: '请选择调查人' }]}
              >
                <UserLinkSelect />
              </Form.Item>
            )}
            {text('note', '说明', null, 2)}
          </>
        );
      case 'close':
        return text('opinion', '处理意见', '请填写处理意见', 5);
      case 'report':
        return text('report', '调查报告', '请填写调查报告', 8);
      case 'return':
        return text('note', '退回理由', '请填写退回理由', 3);
      case 'reply':
        return text('reply', '答复内容', '请填写答复内容', 6);
      case 'answer_review':
        return text('reply', '复查（复核）答复', '请填写答复内容', 6);
      default:
        return text('note', '说明（可不填）', null, 2);
    }
  })();
  return (
    <>
      {ACTION_HINTS[action] && (
        <Alert type="info" showIcon title={ACTION_HINTS[action]} style={{ marginBottom: 16 }} />
      )}
      {fields}
    </>
  );
}

/** The body sent for a step: only what the step reads. */
export function actionBody(action: string, v: Record<string, any>) {
  const { target, ...rest } = v;
  if (action === 'investigate')
    return target === 'unit' ? { ...rest, investigatorUserId: null } : { ...rest, assignedUnitOrgId: null };
  if (action === 'decline' && !rest.notice?.trim()) delete rest.notice;
  return rest;
}
