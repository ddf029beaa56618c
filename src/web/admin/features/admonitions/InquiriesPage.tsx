import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Empty, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { download, qs, totalText } from '../../shared/api';
import { useCan } from '../../shared/me';
import {
  fetchInquiries,
  INQUIRY_CONCLUSIONS,
  INQUIRY_STATUSES,
  type InquiryFilter,
  type InquiryRow,
} from './api';
import { NewInquiryDrawer } from './NewInquiryDrawer';

const options = (m: Record<string, string>) => Object.entries(m).map(([value, label]) => ({ value, label }));

/** 函询: awaiting reply, overdue, concluded; the 函询台帐; 发函 (also from a petition: ?petitionId=). */
export default function InquiriesPage() {
  const can = useCan();
  const nav = useNavigate();
  const { message } = App.useApp();
  const [search, setSearch] = useSearchParams();
  const fromPetition = Number(search.get('petitionId')) || undefined;
  const [filters, setFilters] = useState<InquiryFilter>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(!!fromPetition);
  const list = useQuery({
    queryKey: ['inquiries', 'list', filters, page],
    queryFn: () => fetchInquiries({ ...filters, ...page }),
  });
  const set = (f: Partial<InquiryFilter>) => {
    setFilters({ ...filters, ...f });
    setPage({ ...page, page: 1 });
  };
  const close = () => {
    setCreating(false);
    if (fromPetition) setSearch({}, { replace: true });
  };
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder="搜索姓名、编号或事项"
          style={{ width: 240 }}
          onSearch={(q) => set({ q: q || undefined })}
        />
        <Select
          allowClear
          placeholder="状态"
          style={{ width: 150 }}
          value={filters.status}
          onChange={(status) => set({ status })}
          options={options(INQUIRY_STATUSES)}
        />
        <Select
          allowClear
          placeholder="结论"
          style={{ width: 120 }}
          value={filters.conclusion}
          onChange={(conclusion) => set({ conclusion })}
          options={options(INQUIRY_CONCLUSIONS)}
        />
        <Select
          allowClear
          placeholder="是否逾期"
          style={{ width: 120 }}
          value={filters.overdue}
          onChange={(overdue) => set({ overdue })}
          options={[
            { value: 'true', label: '逾期未回复' },
            { value: 'false', label: '未逾期' },
          ]}
        />
        <InputNumber
          placeholder="年度"
          min={2000}
          max={2100}
          value={filters.year}
          onChange={(y) => set({ year: y ?? undefined })}
        />
        <Button
          icon={<DownloadOutlined />}
          onClick={() =>
            download(`/api/v1/inquiries/ledger.xlsx${qs({ year: filters.year })}`).catch((e) =>
              message.error(e.message),
            )
          }
        >
          导出函询台帐
        </Button>
        {can('inquiry.manage') && (
          <Button icon={<UploadOutlined />} onClick={() => nav('/inquiries/import')}>
            导入台帐
          </Button>
        )}
        {can('inquiry.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            发出函询
          </Button>
        )}
      </Space>
      <Table<InquiryRow>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items}
        locale={{ emptyText: <Empty description="没有函询记录" /> }}
        columns={[
          {
            title: '编号',
            dataIndex: 'code',
            width: 170,
            render: (c, r) => <Link to={`/inquiries/${r.id}`}>{c}</Link>,
          },
          { title: '姓名', dataIndex: 'cadreName', width: 90 },
          { title: '单位', dataIndex: 'orgName', width: 120 },
          { title: '来源', dataIndex: 'sourceKind', width: 80 },
          { title: '发函日期', dataIndex: 'sentOn', width: 110 },
          { title: '回复期限', dataIndex: 'dueOn', width: 110 },
          {
            title: '回复',
            dataIndex: 'repliedOn',
            width: 150,
            render: (d, r) => (d ? `${d}${r.onTime ? '' : '（逾期）'}` : '—'),
          },
          {
            title: '状态',
            dataIndex: 'statusLabel',
            width: 170,
            render: (s, r) => (
              <Space size={4}>
                <Tag color={r.status === 'concluded' ? 'default' : 'blue'}>{s}</Tag>
                {r.overdue && <Tag color="red">逾期</Tag>}
                {r.conclusionLabel && <Tag color="purple">{r.conclusionLabel}</Tag>}
              </Space>
            ),
          },
        ]}
        onRow={(r) => ({ onDoubleClick: () => nav(`/inquiries/${r.id}`) })}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total,
          showSizeChanger: true,
          showTotal: (t) => totalText(list.data, t, '件'),
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
      />
      {creating && (
        <NewInquiryDrawer
          petitionId={fromPetition}
          onClose={close}
          onCreated={(id) => {
            setCreating(false);
            nav(`/inquiries/${id}`);
          }}
        />
      )}
    </>
  );
}
