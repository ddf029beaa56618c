import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Result, Spin, Tabs } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../shared/api';
import { useCan } from '../../shared/me';
import { AttachmentsTab } from './AttachmentsTab';
import { fetchPetition } from './api';
import { DocumentsTab } from './DocumentsTab';
import { EventsTimeline } from './EventsTimeline';
import { HandleTab } from './HandleTab';
import { PetitionHeader } from './PetitionHeader';

/** One petition: header with its clock; 办理, 调查报告与处理意见, 流程记录, 附件. */
export default function PetitionDetailPage() {
  const id = Number(useParams().id);
  const nav = useNavigate();
  const [search, setSearch] = useSearchParams();
  const can = useCan();
  const q = useQuery({
    queryKey: ['petitions', 'detail', id],
    queryFn: () => fetchPetition(id),
    enabled: Number.isInteger(id) && id > 0,
  });
  if (q.isLoading) return <Spin style={{ display: 'block', margin: 80 }} />;
  if (!q.data) {
    const gone = !q.error || (q.error instanceof ApiError && q.error.status === 404);
    return (
      <Result
        status={gone ? '404' : 'error'}
        title={gone ? '信访件不存在，或您无权查看' : '加载失败'}
        subTitle={gone ? undefined : q.error?.message}
        extra={<Button onClick={() => nav('/petitions')}>返回信访举报</Button>}
      />
    );
  }
  const p = q.data;
  return (
    <>
      <Button
        type="link"
        icon={<ArrowLeftOutlined />}
        style={{ paddingLeft: 0, marginBottom: 8 }}
        onClick={() => nav('/petitions')}
      >
        信访举报
      </Button>
      <PetitionHeader p={p} />
      {can('inquiry.manage') &&
        p.disposal === 'talk_inquiry' &&
        (p.status === 'investigating' || p.status === 'reported') && (
          <Button style={{ margin: '8px 0' }} onClick={() => nav(`/inquiries?petitionId=${p.id}`)}>
            发出函询
          </Button>
        )}
      <Tabs
        activeKey={search.get('tab') ?? 'handle'}
        onChange={(tab) => setSearch({ tab }, { replace: true })}
        items={[
          { key: 'handle', label: '办理', children: <HandleTab p={p} /> },
          {
            key: 'documents',
            label: `调查报告与处理意见（${p.documents.length}）`,
            children: <DocumentsTab p={p} />,
          },
          { key: 'events', label: '流程记录', children: <EventsTimeline p={p} /> },
          {
            key: 'attachments',
            label: `附件（${p.attachments.length}）`,
            children: <AttachmentsTab p={p} />,
          },
        ]}
      />
    </>
  );
}
