import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { type CadreRow, STATUS_COLORS, STATUS_LABELS } from './api';

type Label = (code: string | null | undefined) => string;

/** The roster's columns; sortable ones are sorted by the server. */
export function rosterColumns(
  labels: { level: Label; education: Label; political: Label },
  sort: { field?: string; order?: string },
): ColumnsType<CadreRow> {
  const sorted = (field: string) =>
    sort.field === field ? (sort.order === 'asc' ? 'ascend' : 'descend') : null;
  return [
    {
      title: '姓名',
      dataIndex: 'name',
      key: 'name',
      fixed: 'left',
      width: 110,
      sorter: true,
      sortOrder: sorted('name'),
      render: (name: string, c) => (
        <Link to={`/cadres/${c.id}`} data-testid="cadre-link">
          {name}
        </Link>
      ),
    },
    { title: '性别', dataIndex: 'gender', width: 60 },
    {
      title: '出生年月',
      dataIndex: 'birthDate',
      key: 'birthDate',
      width: 120,
      sorter: true,
      sortOrder: sorted('birthDate'),
      render: (d: string | null, c) => (d ? `${d.slice(0, 7)}（${c.age}岁）` : ''),
    },
    {
      title: '所在单位',
      dataIndex: 'orgName',
      key: 'org',
      width: 150,
      sorter: true,
      sortOrder: sorted('org'),
    },
    {
      title: '现任职务',
      dataIndex: 'positionTitle',
      width: 180,
      render: (t: string | null, c) => (
        <>
          {t}
          {c.positionLevel && <Tag style={{ marginLeft: 6 }}>{labels.level(c.positionLevel)}</Tag>}
        </>
      ),
    },
    { title: '身份证号码', dataIndex: 'idNumberMasked', width: 190 },
    { title: '学历', dataIndex: 'education', width: 100, render: labels.education },
    { title: '政治面貌', dataIndex: 'politicalStatus', width: 110, render: labels.political },
    { title: '民族', dataIndex: 'ethnicity', width: 70 },
    {
      title: '状态',
      dataIndex: 'status',
      width: 80,
      render: (s: string) => <Tag color={STATUS_COLORS[s]}>{STATUS_LABELS[s] ?? s}</Tag>,
    },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      width: 80,
      render: (_: unknown, c) => <Link to={`/cadres/${c.id}`}>查看</Link>,
    },
  ];
}
