import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Empty, Progress, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { download, qs } from '../../shared/api';
import { useCan } from '../../shared/me';
import { fetchPledges, type PledgeRow, rateText, type VillageRow } from './api';
import { NewPledgeDrawer } from './NewPledgeDrawer';

/** 任期承诺 by village: each village's 兑现率 as of a day, and its cadres' pledges with their progress. */
export default function PledgesPage() {
  const can = useCan();
  const { message } = App.useApp();
  const nav = useNavigate();
  const [asOf, setAsOf] = useState<string | undefined>();
  const [orgId, setOrgId] = useState<number | undefined>();
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: ['pledges', 'list', asOf], queryFn: () => fetchPledges({ asOf }) });
  const rows = (list.data?.items ?? []).filter((r) => !orgId || r.orgId === orgId);
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <span>截至日期</span>
        <DatePicker
          allowClear
          value={asOf ? dayjs(asOf) : null}
          onChange={(d) => setAsOf(d ? d.format('YYYY-MM-DD') : undefined)}
          placeholder="今天"
        />
        <Button
          icon={<DownloadOutlined />}
          onClick={() =>
            download(`/api/v1/pledges/ledger.xlsx${qs({ asOf, orgId })}`).catch((e) =>
              message.error(String(e.message)),
            )
          }
        >
          导出承诺践诺台帐
        </Button>
        {can('pledge.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            登记任期承诺
          </Button>
        )}
      </Space>
      <Card size="small" title={`各村兑现率（截至 ${list.data?.asOf ?? '—'}，计完成期限已到的末级承诺事项）`}>
        <Table<VillageRow>
          rowKey="orgId"
          size="small"
          pagination={false}
          loading={list.isLoading}
          dataSource={list.data?.villages}
          locale={{ emptyText: <Empty description="还没有任期承诺" /> }}
          rowClassName={(r) => (r.orgId === orgId ? 'ant-table-row-selected' : '')}
          onRow={(r) => ({ onClick: () => setOrgId(orgId === r.orgId ? undefined : r.orgId) })}
          columns={[
            { title: '村', dataIndex: 'village' },
            { title: '承诺（份）', dataIndex: 'pledges', width: 110 },
            { title: '应兑现事项', dataIndex: 'due', width: 110 },
            { title: '已兑现事项', dataIndex: 'fulfilled', width: 110 },
            { title: '兑现率', dataIndex: 'rate', width: 110, render: rateText },
          ]}
        />
      </Card>
      <Table<PledgeRow>
        style={{ marginTop: 16 }}
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description="没有任期承诺" /> }}
        onRow={(r) => ({ onDoubleClick: () => nav(`/pledges/${r.id}`) })}
        columns={[
          { title: '村', dataIndex: 'village', width: 120 },
          { title: '姓名', dataIndex: 'cadre', width: 100 },
          { title: '职务', dataIndex: 'post', width: 160 },
          { title: '承诺', dataIndex: 'title', render: (t, r) => <Link to={`/pledges/${r.id}`}>{t}</Link> },
          { title: '承诺日期', dataIndex: 'pledgedOn', width: 110 },
          {
            title: '总体进度',
            dataIndex: 'progress',
            width: 160,
            render: (p: number) => <Progress percent={p} size="small" />,
          },
          {
            title: '兑现率',
            dataIndex: 'rate',
            width: 120,
            render: (rate, r) => (r.due ? `${rateText(rate)}（${r.fulfilled}/${r.due}）` : '—'),
          },
          {
            title: '评诺',
            dataIndex: 'appraisal',
            width: 150,
            render: (a: PledgeRow['appraisal']) =>
              !a ? (
                '—'
              ) : a.failed ? (
                <Tag color="red">不满意 {a.failureShare}%</Tag>
              ) : (
                <Tag color="green">不满意 {a.failureShare}%</Tag>
              ),
          },
        ]}
      />
      {creating && (
        <NewPledgeDrawer
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            nav(`/pledges/${id}`);
          }}
        />
      )}
    </>
  );
}
