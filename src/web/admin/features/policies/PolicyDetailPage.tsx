import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  Result,
  Space,
  Spin,
  Table,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { AssignModal } from './AssignModal';
import { type Assignment, fetchPolicy, POLICY_STATUSES, type PolicyDetail, STATUS_COLORS } from './api';
import { DiffView } from './DiffView';
import { ReadersModal } from './ReadersModal';
import { RepealModal } from './RepealModal';
import { ReviseDrawer } from './ReviseDrawer';

/** One policy: header, version history with texts, diff, linked rules, read assignments and coverage. */
export default function PolicyDetailPage() {
  const id = Number(useParams().id);
  const client = useQueryClient();
  const q = useQuery({ queryKey: ['policies', id], queryFn: () => fetchPolicy(id) });
  const [dialog, setDialog] = useState<'revise' | 'repeal' | 'assign' | null>(null);
  const [readers, setReaders] = useState<Assignment | null>(null);
  if (q.isLoading) return <Spin />;
  if (!q.data) return <Result status="404" title="制度不存在或无权查看" />;
  const p = q.data;
  const refresh = (next?: PolicyDetail) => {
    if (next) client.setQueryData(['policies', id], next);
    client.invalidateQueries({ queryKey: ['policies'] });
    setDialog(null);
  };
  const current = p.versions.at(-1)!;
  const rules = [...new Map(p.versions.flatMap((v) => v.rules).map((r) => [r.key, r])).values()];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <span>《{p.title}》</span>
            <Tag color={STATUS_COLORS[p.status]}>{POLICY_STATUSES[p.status]}</Tag>
          </Space>
        }
        extra={
          p.canManage && (
            <Space>
              <Button disabled={p.status === 'repealed'} onClick={() => setDialog('assign')}>
                布置学习
              </Button>
              <Button disabled={p.status === 'repealed'} onClick={() => setDialog('revise')}>
                修订
              </Button>
              <Button danger disabled={p.status === 'repealed'} onClick={() => setDialog('repeal')}>
                废止
              </Button>
            </Space>
          )
        }
      >
        <Descriptions size="small" column={3}>
          <Descriptions.Item label="文号">{p.number ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="发文机关">{p.issuingBody}</Descriptions.Item>
          <Descriptions.Item label="制定单位">{p.orgName}</Descriptions.Item>
          <Descriptions.Item label="类别">{p.category ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="首次通过">{p.firstAdoptedOn}</Descriptions.Item>
          <Descriptions.Item label="现行版本">
            第 {p.currentVersionNo} 版，{p.adoptedOn} 通过，{p.effectiveOn} 施行
          </Descriptions.Item>
          {p.repealedOn && <Descriptions.Item label="废止日期">{p.repealedOn}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card>
        <Tabs
          items={[
            {
              key: 'text',
              label: '正文与版本',
              children: (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                    {current.body}
                  </Typography.Paragraph>
                  <Timeline
                    items={[...p.versions].reverse().map((v) => ({
                      key: v.id,
                      content: (
                        <Space orientation="vertical" size={0}>
                          <Space>
                            <b>第 {v.versionNo} 版</b>
                            <Tag color={STATUS_COLORS[v.status]}>{POLICY_STATUSES[v.status]}</Tag>
                            <span>
                              {v.adoptedOn} 通过，{v.effectiveOn} 施行
                            </span>
                          </Space>
                          {v.changeNote && (
                            <Typography.Text type="secondary">说明：{v.changeNote}</Typography.Text>
                          )}
                          <Typography.Text type="secondary">
                            录入：{v.createdByName ?? '—'}，{v.createdAt.slice(0, 10)}
                            {v.quiz ? `；测验 ${v.quiz.questions.length} 题，${v.quiz.passMark} 分及格` : ''}
                          </Typography.Text>
                        </Space>
                      ),
                    }))}
                  />
                </Space>
              ),
            },
            {
              key: 'diff',
              label: '版本对比',
              children:
                p.versions.length > 1 ? (
                  <DiffView policyId={p.id} versions={p.versions.map((v) => v.versionNo)} />
                ) : (
                  <Empty description="只有一个版本，尚无修订" />
                ),
            },
            {
              key: 'rules',
              label: `关联规则（${rules.length}）`,
              children: (
                <Table
                  rowKey="key"
                  size="small"
                  pagination={false}
                  dataSource={rules}
                  locale={{ emptyText: <Empty description="本制度没有关联规则配置" /> }}
                  columns={[
                    { title: '规则', dataIndex: 'name' },
                    { title: '规则键', dataIndex: 'key' },
                    { title: '规则来源', dataIndex: 'source' },
                  ]}
                />
              ),
            },
            ...(p.canManage
              ? [
                  {
                    key: 'reading',
                    label: '学习情况',
                    children: (
                      <AssignmentsTable assignments={p.assignments} onReaders={(a) => setReaders(a)} />
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {p.status === 'repealed' && (
        <Alert type="warning" showIcon title="该制度已废止，不能再修订或布置学习" />
      )}
      {dialog === 'revise' && <ReviseDrawer policy={p} onClose={() => setDialog(null)} onDone={refresh} />}
      {dialog === 'repeal' && <RepealModal policy={p} onClose={() => setDialog(null)} onDone={refresh} />}
      {dialog === 'assign' && <AssignModal policy={p} onClose={() => setDialog(null)} onDone={refresh} />}
      {readers && <ReadersModal policyId={p.id} assignment={readers} onClose={() => setReaders(null)} />}
    </Space>
  );
}

const pct = (c: number | null) => (c === null ? '—' : `${c}%`);

function AssignmentsTable(props: { assignments: Assignment[]; onReaders: (a: Assignment) => void }) {
  return (
    <Table<Assignment>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={props.assignments}
      locale={{ emptyText: <Empty description="还没有布置学习" /> }}
      expandable={{
        expandedRowRender: (a) => (
          <Table
            rowKey="orgId"
            size="small"
            pagination={false}
            dataSource={a.byOrg}
            columns={[
              { title: '单位', dataIndex: 'orgName' },
              { title: '应学习', dataIndex: 'due' },
              { title: '已学习', dataIndex: 'done' },
              { title: '覆盖率', dataIndex: 'coverage', render: pct },
            ]}
          />
        ),
      }}
      columns={[
        { title: '版本', dataIndex: 'versionNo', width: 80, render: (n) => `第 ${n} 版` },
        { title: '学习单位', dataIndex: 'orgName' },
        {
          title: '对象',
          dataIndex: 'roles',
          render: (r: string[]) => (r.length ? r.join('、') : '全体人员'),
        },
        { title: '完成期限', dataIndex: 'dueOn', width: 110 },
        { title: '应学习', dataIndex: 'due', width: 80 },
        { title: '已学习', dataIndex: 'done', width: 80 },
        { title: '覆盖率', dataIndex: 'coverage', width: 90, render: pct },
        {
          title: '',
          key: 'who',
          width: 120,
          render: (_x, a) => (
            <Button type="link" onClick={() => props.onReaders(a)}>
              查看学习名单
            </Button>
          ),
        },
      ]}
    />
  );
}
