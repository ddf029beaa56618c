import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Result, Space, Spin } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../shared/api';
import { fetchCadreFile } from './api';
import { EligibilityPanel } from './EligibilityPanel';
import { FileTimeline } from './FileTimeline';
import { HeaderCard } from './HeaderCard';
import { PrintStyle } from './print-style';

/** 干部监督档案: one page per cadre — who they are, whether they can be promoted, and everything recorded. */
export default function CadreFilePage() {
  const params = useParams();
  const nav = useNavigate();
  const id = Number(params.id);
  const valid = Number.isInteger(id) && id > 0;
  const file = useQuery({
    queryKey: ['cadre-file', id],
    queryFn: () => fetchCadreFile(id),
    enabled: valid,
  });

  if (!valid || file.error) {
    const status = file.error instanceof ApiError ? file.error.status : 404;
    return (
      <Result
        status={status === 403 ? '403' : status === 404 || !valid ? '404' : 'error'}
        title={status === 404 || !valid ? '档案不存在，或您无权查看' : (file.error as Error).message}
        extra={<Button onClick={() => nav('/cadres')}>返回干部名册</Button>}
      />
    );
  }
  if (!file.data) return <Spin style={{ display: 'block', margin: 80 }} />;

  const f = file.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <PrintStyle />
      <Space className="jd-no-print" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Button type="link" onClick={() => nav(`/cadres/${id}`)} style={{ paddingLeft: 0 }}>
          ‹ 返回干部信息
        </Button>
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          打印
        </Button>
      </Space>
      <div className="jd-print-only" style={{ textAlign: 'center', fontSize: 20, fontWeight: 600 }}>
        干部监督档案
      </div>
      <HeaderCard cadre={f.cadre} />
      <EligibilityPanel cadreId={id} today={f.eligibility} />
      <FileTimeline file={f} />
    </Space>
  );
}
