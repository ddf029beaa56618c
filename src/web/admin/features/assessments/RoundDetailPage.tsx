import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Table, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { download } from '../../shared/api';
import { fetchRound, PEER_GROUPS } from './api';

/** 排名通报: the ranking board of a round with the change since the last round, the 末位 flags and proposals. */
export default function RoundDetailPage() {
  const id = Number(useParams().id);
  const q = useQuery({ queryKey: ['assessments', 'round', id], queryFn: () => fetchRound(id) });
  const { message } = App.useApp();
  const r = q.data;
  if (!r) return q.error ? <Alert type="error" message={(q.error as Error).message} /> : null;
  return (
    <>
      <Descriptions title={r.title} size="small" column={3} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="类别">{r.kindLabel}</Descriptions.Item>
        <Descriptions.Item label="参评单位">
          {PEER_GROUPS[r.peerGroup as keyof typeof PEER_GROUPS] ?? r.peerGroup}
        </Descriptions.Item>
        <Descriptions.Item label="日期">{r.heldOn}</Descriptions.Item>
        <Descriptions.Item label="同分排序规则" span={3}>
          {r.tieBreaks.join('；')}
        </Descriptions.Item>
      </Descriptions>
      <Button
        icon={<DownloadOutlined />}
        style={{ marginBottom: 16 }}
        onClick={() =>
          download(`/api/v1/assessments/rounds/${id}/bulletin.docx`).catch((e) => message.error(e.message))
        }
      >
        下载排名通报（.docx）
      </Button>
      <Table
        rowKey="unitOrgId"
        size="small"
        pagination={false}
        dataSource={r.ranking}
        data-testid="ranking-board"
        columns={[
          { title: '名次', dataIndex: 'rank' },
          { title: '单位', dataIndex: 'unitName' },
          { title: '得分', dataIndex: 'score' },
          { title: '扣分', dataIndex: 'deduction' },
          {
            title: '较上轮',
            render: (_, x) =>
              x.change === null
                ? '—'
                : x.change > 0
                  ? `↑${x.change}`
                  : x.change < 0
                    ? `↓${-x.change}`
                    : '持平',
          },
          { title: '', render: (_, x) => (x.last ? <Tag color="red">末位</Tag> : null) },
        ]}
      />
      {r.lastPlaces.length > 0 && (
        <Card size="small" title="末位惩处" style={{ marginTop: 16 }} data-testid="last-places">
          {r.lastPlaces.map((l) => (
            <p key={l.unitOrgId}>
              {l.unitName}：主要负责人 {l.cadreName ?? '（空缺，未提出追究建议）'}，
              {l.outcome === 'warning' ? (
                <Tag color="red">连续 {l.consecutive} 次末位：警告，年度考核不称职</Tag>
              ) : (
                <Tag color="orange">末位惩处</Tag>
              )}
              {l.accountabilityRecordId && (
                <Link to={`/accountability/${l.accountabilityRecordId}`}>查看责任追究建议</Link>
              )}
            </p>
          ))}
        </Card>
      )}
    </>
  );
}
