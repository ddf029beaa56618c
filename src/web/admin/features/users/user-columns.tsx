import { ClockCircleOutlined } from '@ant-design/icons';
import type { TableColumnsType } from 'antd';
import { Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { SCOPE_LABELS, STATUS_COLORS, STATUS_LABELS, type User } from './api';

/** The columns of the user table; the row actions come from the page. */
export function userColumns(actions: (u: User) => ReactNode): TableColumnsType<User> {
  return [
    { title: '用户名', dataIndex: 'username', width: 130 },
    { title: '姓名', dataIndex: 'displayName', width: 100 },
    { title: '所属组织', dataIndex: 'orgName', width: 140 },
    { title: '数据范围', dataIndex: 'dataScope', width: 100, render: (s) => SCOPE_LABELS[s] ?? s },
    {
      title: '角色',
      width: 220,
      render: (_, u) => (
        <>
          {u.roles.map((r) => (
            <Tag key={r.code} color={r.adminClass ? 'red' : 'blue'}>
              {r.name}
            </Tag>
          ))}
          {u.pendingRoles.map((r) => (
            <Tooltip key={r.code} title="已提请授权，须经安全保密管理员授权后生效">
              <Tag icon={<ClockCircleOutlined />} color="orange" style={{ borderStyle: 'dashed' }}>
                {r.name}（待授权）
              </Tag>
            </Tooltip>
          ))}
        </>
      ),
    },
    { title: '手机', dataIndex: 'phone', width: 120 },
    {
      title: '状态',
      width: 90,
      render: (_, u) => {
        const tag = <Tag color={STATUS_COLORS[u.status]}>{STATUS_LABELS[u.status]}</Tag>;
        if (u.status !== 'locked' || !u.lockedUntil) return tag;
        return <Tooltip title={`锁定至 ${dayjs(u.lockedUntil).format('HH:mm')}`}>{tag}</Tooltip>;
      },
    },
    {
      title: '最近登录',
      dataIndex: 'lastLoginAt',
      width: 140,
      render: (v) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '从未登录'),
    },
    { title: '操作', fixed: 'right', width: 260, render: (_, u) => actions(u) },
  ];
}
