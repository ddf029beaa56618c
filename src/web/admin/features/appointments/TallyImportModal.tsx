import { Button, DatePicker, Form, InputNumber, Modal, Radio, Result, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { ApiError, api } from '../../shared/api';
import { CadreSelect } from '../../shared/CadreSelect';
import { ImportSteps } from '../../shared/ImportSteps';
import { type ImportJob, uploadXlsx } from '../../shared/imports';
import { useMe } from '../../shared/me';
import { type CaseDetail, fetchCase } from './api';

const BASE = '/api/v1/appointments/tally';
const req = (message: string) => [{ required: true, message }];
type TallyJob = ImportJob<{ imported?: number }>;
type V = { on: Dayjs; kind: string; due: number; present: number; recommender: number };

/**
 * 民主推荐 from the counting sheet (计票表): the recommendation's date, way and attendance here, the
 * candidates and their votes from the sheet — all-or-nothing, with the error sheet when rows are bad.
 */
export function TallyImportModal(p: {
  c: CaseDetail;
  onDone: (next: CaseDetail) => void;
  onClose: () => void;
}) {
  const [form] = Form.useForm<V>();
  const { me } = useMe();
  const send = async (file: File) => {
    // the drop zone shows an ApiError's message: the form's own marks show which field is missing
    const v = await form.validateFields().catch(() => {
      throw new ApiError(400, 'invalid', '请先填写推荐日期、参加人数和推荐人');
    });
    return uploadXlsx<TallyJob>(`${BASE}/import`, file, me?.csrfToken ?? '', {
      caseId: String(p.c.id),
      form: JSON.stringify({
        version: p.c.version,
        on: v.on.format('YYYY-MM-DD'),
        kind: v.kind,
        due: v.due,
        present: v.present,
        recommenders: [{ cadreId: v.recommender }],
      }),
    });
  };
  return (
    <Modal open width={780} title="导入民主推荐计票表" footer={null} onCancel={p.onClose} destroyOnHidden>
      <ImportSteps<TallyJob>
        title="民主推荐计票表（Excel）"
        queryKey="appointment-tally-imports"
        template={{
          url: `${BASE}/template.xlsx`,
          hint: '每行一名人选：姓名、拟任职务（只有一个职务时可不填）、得票数；同名干部请填写单位或身份证号码。',
        }}
        upload={{
          title: '填写推荐情况并上传计票表',
          extra: (
            <Form form={form} layout="vertical" initialValues={{ kind: 'meeting' }}>
              <Space wrap>
                <Form.Item name="on" label="推荐日期" rules={req('请填写推荐日期')}>
                  <DatePicker />
                </Form.Item>
                <Form.Item name="kind" label="方式">
                  <Radio.Group
                    options={[
                      { value: 'meeting', label: '会议推荐' },
                      { value: 'talk', label: '谈话推荐' },
                    ]}
                  />
                </Form.Item>
                <Form.Item name="due" label="应参加人数" rules={req('请填写应参加人数')}>
                  <InputNumber min={1} />
                </Form.Item>
                <Form.Item name="present" label="实参加人数" rules={req('请填写实参加人数')}>
                  <InputNumber min={0} />
                </Form.Item>
                <Form.Item name="recommender" label="推荐人" rules={req('请选择推荐人')}>
                  <CadreSelect />
                </Form.Item>
              </Space>
            </Form>
          ),
          text: '点击或拖入填好的计票表（.xlsx）',
          hint: '系统逐行核对人选和得票数，全部无误才录入推荐结果；有误时不录入任何数据，并给出错误清单。',
          send,
        }}
        fetchJob={(id) => api<TallyJob>('GET', `${BASE}/imports/${id}`)}
        errorsUrl={(id) => `${BASE}/imports/${id}/errors.xlsx`}
        writing="校验完成，正在录入推荐结果…"
        success={(j) => (
          <Result
            status="success"
            title={`已导入 ${j.result?.imported ?? 0} 名推荐人选的得票`}
            extra={
              <Button type="primary" onClick={async () => p.onDone(await fetchCase(p.c.id))}>
                查看推荐结果
              </Button>
            }
          />
        )}
      />
    </Modal>
  );
}
