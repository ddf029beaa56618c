import { DownloadOutlined, DownOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Dropdown, Empty, Table } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { download, totalText } from '../../shared/api';
import { useCan } from '../../shared/me';
import { type CadreRow, fetchRoster, type RosterFilter, rosterExportUrl } from './api';
import { CadreCreateDrawer } from './CadreCreateDrawer';
import { RosterFilters } from './RosterFilters';
import { rosterColumns } from './roster-columns';
import { useDict } from './use-dict';

/** 干部名册: the roster, searched and filtered in the database, ID numbers masked. */
export default function RosterPage() {
  const can = useCan();
  const nav = useNavigate();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<RosterFilter>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [sort, setSort] = useState<{ field?: string; order?: string }>({});
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);
  const level = useDict('position_level');
  const education = useDict('education');
  const political = useDict('political_status');
  const list = useQuery({
    queryKey: ['cadres', 'roster', filters, page, sort],
    queryFn: () => fetchRoster({ ...filters, ...page, sort: sort.field, order: sort.order }),
  });
  const filter = (f: RosterFilter) => {
    setFilters({ ...filters, ...f });
    setPage({ ...page, page: 1 });
  };
  const exportRoster = async () => {
    setExporting(true);
    try {
      await download(rosterExportUrl({ ...filters, sort: sort.field, order: sort.order }));
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setExporting(false);
    }
  };
  const imports = [
    can('cadre.import') && { key: '/cadres/import/excel', label: 'Excel 花名册' },
    can('cadre.import') && { key: '/cadres/import/lrmx', label: '任免审批表 .lrmx' },
  ].filter(Boolean) as { key: string; label: string }[];

  return (
    <>
      <RosterFilters
        value={filters}
        onChange={filter}
        extra={
          <>
            {imports.length > 0 && (
              <Dropdown menu={{ items: imports, onClick: (e) => nav(e.key) }}>
                <Button icon={<UploadOutlined />}>
                  导入 <DownOutlined />
                </Button>
              </Dropdown>
            )}
            {can('cadre.export') && (
              <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportRoster}>
                导出花名册
              </Button>
            )}
            {can('cadre.manage') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                新增干部
              </Button>
            )}
          </>
        }
      />
      <Table<CadreRow>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items}
        scroll={{ x: 1300 }}
        locale={{
          emptyText: (
            <Empty
              description={Object.values(filters).some(Boolean) ? '没有符合条件的干部' : '名册中还没有干部'}
            />
          ),
        }}
        columns={rosterColumns(
          { level: level.label, education: education.label, political: political.label },
          sort,
        )}
        onChange={(_p, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          setSort(
            s?.order ? { field: String(s.columnKey), order: s.order === 'ascend' ? 'asc' : 'desc' } : {},
          );
        }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total,
          showSizeChanger: true,
          showTotal: (t) => totalText(list.data, t, '人'),
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
      />
      {creating && (
        <CadreCreateDrawer
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            nav(`/cadres/${id}`);
          }}
        />
      )}
    </>
  );
}
