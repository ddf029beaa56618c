import { EditOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Empty, Table } from 'antd';
import { useState } from 'react';
import { useCan } from '../../shared/me';
import { FamilyEditor } from './FamilyEditor';
import { type FamilyMember, fetchFamily } from './tenure-api';

/** 家庭成员: shown to cadre readers; a member linked to a user account makes that user recuse. */
export function FamilyTab({ cadreId }: { cadreId: number }) {
  const can = useCan();
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const list = useQuery({ queryKey: ['cadres', 'family', cadreId], queryFn: () => fetchFamily(cadreId) });
  if (editing && list.data)
    return (
      <FamilyEditor
        cadreId={cadreId}
        members={list.data}
        onDone={(saved) => {
          setEditing(false);
          if (saved) client.invalidateQueries({ queryKey: ['cadres', 'family', cadreId] });
        }}
      />
    );
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="家庭成员关联了系统用户的，该用户将自动回避此干部的全部记录（名册、档案、信访等）。"
      />
      {can('cadre.manage') && (
        <Button
          icon={<EditOutlined />}
          style={{ marginBottom: 12 }}
          onClick={() => setEditing(true)}
          disabled={!list.data}
        >
          编辑家庭成员
        </Button>
      )}
      <Table<FamilyMember>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data}
        pagination={false}
        locale={{ emptyText: <Empty description="没有登记家庭成员" /> }}
        columns={[
          { title: '称谓', dataIndex: 'relation', width: 80 },
          { title: '姓名', dataIndex: 'name', width: 100 },
          { title: '出生年月', dataIndex: 'birthDate', width: 110 },
          { title: '政治面貌', dataIndex: 'politicalStatus', width: 110 },
          { title: '工作单位及职务', dataIndex: 'workUnit' },
          { title: '关联用户', dataIndex: 'userLabel', render: (l: string | null) => l ?? '—' },
        ]}
      />
    </>
  );
}
