import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Empty, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useCan } from '../../shared/me';
import { TenureEditForm } from './TenureEditForm';
import { TenureEndForm } from './TenureEndForm';
import { TenureStartForm } from './TenureStartForm';
import { fetchTenures, type Tenure } from './tenure-api';
import { useDict } from './use-dict';

/** 任职经历: posts held, latest first; take up a post, leave one, correct dates. */
export function TenuresTab(props: { cadreId: number; orgId: number }) {
  const can = useCan();
  const client = useQueryClient();
  const levels = useDict('position_level');
  const reasons = useDict('tenure_end_reason');
  const [dialog, setDialog] = useState<{ kind: 'start' | 'end' | 'edit'; tenure?: Tenure } | null>(null);
  const list = useQuery({
    queryKey: ['cadres', 'tenures', props.cadreId],
    queryFn: () => fetchTenures(props.cadreId),
  });
  const saved = () => {
    setDialog(null);
    client.invalidateQueries({ queryKey: ['cadres'] });
  };
  return (
    <>
      {can('cadre.manage') && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          style={{ marginBottom: 12 }}
          onClick={() => setDialog({ kind: 'start' })}
        >
          任职
        </Button>
      )}
      <Table<Tenure>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data}
        pagination={false}
        locale={{ emptyText: <Empty description="还没有任职记录" /> }}
        columns={[
          { title: '任职单位', dataIndex: 'orgName', render: (n: string | null) => n ?? '—' },
          {
            title: '职务',
            dataIndex: 'title',
            render: (t: string, r) => (
              <>
                {t} {r.isPrincipal && <Tag color="red">正职</Tag>}
                {r.source === 'resume' && (
                  <Tag color="default" title="由任免审批表的简历导入">
                    简历
                  </Tag>
                )}
              </>
            ),
          },
          { title: '职务层次', dataIndex: 'level', render: levels.label },
          { title: '任职日期', dataIndex: 'startDate', width: 110 },
          {
            title: '离任日期',
            dataIndex: 'endDate',
            width: 110,
            render: (d: string | null) => d ?? <Tag color="green">在任</Tag>,
          },
          { title: '离任原因', dataIndex: 'endReason', render: reasons.label },
          { title: '试用期满', dataIndex: 'probationEnd', width: 110 },
          { title: '说明', dataIndex: 'note', ellipsis: true },
          ...(can('cadre.manage')
            ? [
                {
                  title: '操作',
                  width: 130,
                  render: (_: unknown, r: Tenure) => (
                    <Space size={0}>
                      {!r.endDate && (
                        <Button
                          type="link"
                          size="small"
                          danger
                          onClick={() => setDialog({ kind: 'end', tenure: r })}
                        >
                          离任
                        </Button>
                      )}
                      <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', tenure: r })}>
                        更正
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {dialog?.kind === 'start' && (
        <TenureStartForm
          cadreId={props.cadreId}
          orgId={props.orgId}
          onClose={() => setDialog(null)}
          onSaved={saved}
        />
      )}
      {dialog?.kind === 'end' && dialog.tenure && (
        <TenureEndForm tenure={dialog.tenure} onClose={() => setDialog(null)} onSaved={saved} />
      )}
      {dialog?.kind === 'edit' && dialog.tenure && (
        <TenureEditForm tenure={dialog.tenure} onClose={() => setDialog(null)} onSaved={saved} />
      )}
    </>
  );
}
