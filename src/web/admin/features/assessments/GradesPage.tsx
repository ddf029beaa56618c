import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  InputNumber,
  Progress,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, download } from '../../shared/api';
import { useCan } from '../../shared/me';
import { fetchGrades, GRADE_SOURCES, GRADES, type GradeRow, ROUNDINGS, setGrade } from './api';

const COLORS: Record<string, string> = { 优秀: 'green', 称职: 'blue', 基本称职: 'orange', 不称职: 'red' };

/** 年度考核: every cadre of the township with the year's grade, and the 优秀 cap meter. */
export default function GradesPage() {
  const can = useCan();
  const nav = useNavigate();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [year, setYear] = useState(() => new Date().getFullYear() - 1);
  const [source, setSource] = useState('decision');
  const [warning, setWarning] = useState<string | null>(null);
  const q = useQuery({ queryKey: ['assessments', 'grades', year], queryFn: () => fetchGrades(year) });
  const d = q.data;
  const change = async (row: GradeRow, grade: string) => {
    try {
      const r = await setGrade({
        cadreId: row.cadreId,
        year,
        grade,
        source,
        version: row.version ?? undefined,
      });
      setWarning(r.warning);
      message.success(`已评定${row.name}为${grade}`);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '保存失败');
    }
    await client.invalidateQueries({ queryKey: ['assessments', 'grades', year] });
  };
  const used = d && d.excellentMax > 0 ? Math.round((d.excellent * 100) / d.excellentMax) : 0;
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <span>考核年度</span>
        <InputNumber
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => v && setYear(v)}
          data-testid="grade-year"
        />
        <span>等次依据</span>
        <Select
          style={{ width: 220 }}
          value={source}
          onChange={setSource}
          options={Object.entries(GRADE_SOURCES).map(([value, label]) => ({ value, label }))}
        />
        <Button
          icon={<DownloadOutlined />}
          onClick={() =>
            download(`/api/v1/assessments/grades/ledger.xlsx?year=${year}`).catch((e) =>
              message.error(e.message),
            )
          }
        >
          导出考核结果台帐
        </Button>
        {can('assessment.manage') && (
          <Button icon={<UploadOutlined />} onClick={() => nav('/assessments/grades/import')}>
            导入往年考核结果
          </Button>
        )}
      </Space>
      {d && (
        <Card size="small" style={{ marginBottom: 16 }} data-testid="cap-meter">
          <Space size="large" wrap>
            <Statistic title={`${d.orgName} 参加考核人数`} value={d.pool} suffix="人" />
            <Statistic title="优秀" value={d.excellent} suffix={`/ ${d.excellentMax} 人`} />
            <div style={{ width: 260 }}>
              <div>
                优秀比例上限 {d.percent}%（{ROUNDINGS[d.rounding as keyof typeof ROUNDINGS] ?? d.rounding}）
              </div>
              <Progress percent={used} status={d.excellent >= d.excellentMax ? 'exception' : 'active'} />
            </div>
            {Object.entries(d.counts).map(([g, n]) => (
              <Tag key={g} color={COLORS[g]}>
                {g} {n}
              </Tag>
            ))}
          </Space>
        </Card>
      )}
      {warning && (
        <Alert type="warning" showIcon message={warning} closable onClose={() => setWarning(null)} />
      )}
      <Table<GradeRow>
        rowKey="cadreId"
        loading={q.isLoading}
        dataSource={d?.items ?? []}
        locale={{ emptyText: <Empty description="没有需要考核的干部" /> }}
        pagination={{ pageSize: 50, showTotal: (n) => `共 ${n} 人` }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '单位', dataIndex: 'orgName' },
          {
            title: '年度考核等次',
            render: (_, row) =>
              can('assessment.manage') ? (
                <Select
                  style={{ width: 140 }}
                  placeholder="未评定"
                  value={row.grade ?? undefined}
                  onChange={(g) => change(row, g)}
                  data-testid={`grade-${row.cadreId}`}
                  options={GRADES.map((g) => ({
                    value: g,
                    label: g,
                    disabled: !!row.cap && g !== row.cap,
                  }))}
                />
              ) : (
                <Tag color={COLORS[row.grade ?? '']}>{row.grade ?? '未评定'}</Tag>
              ),
          },
          {
            title: '限制',
            render: (_, row) => (row.cap ? <Tag color="red">连续末位，只能评为{row.cap}</Tag> : null),
          },
          { title: '评定日期', dataIndex: 'decidedOn' },
        ]}
      />
    </>
  );
}
