import { Alert, Space, Table, Tag, Typography } from 'antd';
import { useDict } from '../cadres/use-dict';
import type { ResumeReport } from './api';

const month = (ym: string | null) => (ym ? ym.replace('-', '.') : '至今');

/**
 * One file's 简历 as the import read it: each dated row (任职 or 学习), 现任职务 matched to the
 * registry's posts, and the lines that could not be read (they stay in the 简历 text).
 */
export function ResumeRows({ resume }: { resume: ResumeReport }) {
  const levels = useDict('position_level');
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      {resume.current.length > 0 && (
        <Typography.Text>
          现任职务关联到职务：
          {resume.current.map((c) => (
            <Tag key={c.title} color="blue">
              {c.title}（{levels.label(c.level)}
              {c.isPrincipal ? '，正职' : ''}，自 {month(c.start)}）
            </Tag>
          ))}
        </Typography.Text>
      )}
      {resume.notes.map((n) => (
        <Typography.Text key={n} type="secondary">
          {n}
        </Typography.Text>
      ))}
      <Table
        size="small"
        rowKey="line"
        pagination={false}
        dataSource={resume.rows}
        locale={{ emptyText: '简历中没有可读取的任职经历' }}
        columns={[
          { title: '起', dataIndex: 'start', width: 90, render: month },
          { title: '止', dataIndex: 'end', width: 90, render: month },
          { title: '简历内容', dataIndex: 'text' },
          {
            title: '类别',
            dataIndex: 'kind',
            width: 80,
            render: (k: 'post' | 'study') => (k === 'post' ? <Tag color="green">任职</Tag> : <Tag>学习</Tag>),
          },
        ]}
      />
      {resume.unparsed.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={`${resume.unparsed.length} 行无法读取，保留在简历原文中，不建立任职经历`}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {resume.unparsed.map((u) => (
                <li key={u.line}>
                  第 {u.line} 行“{u.text}”：{u.reason}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </Space>
  );
}
