import { DownloadOutlined, FileDoneOutlined, FileTextOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { download, totalText } from '../../shared/api';
import { useMe } from '../../shared/me';
import type { FigureDrill } from '../figures/api';
import { FigureRecordsDrawer } from '../figures/FigureRecordsDrawer';
import { OrgPicker } from '../users/OrgPicker';
import {
  editSummaryParagraph,
  figureValue,
  finalizeSummary,
  generateSummary,
  getSummary,
  listSummaries,
  type Summary,
  type SummaryFigure,
  type SummaryListItem,
  type SummaryParagraph,
  summaryDifference,
  summaryDocxUrl,
} from './api';
import { SummaryView } from './SummaryView';

const YEARS = Array.from({ length: 6 }, (_, i) => dayjs().year() - i);

/**
 * 年度工作总结: choose an org and a year, generate the draft (any time), read it with its figures as
 * locked chips, reword a paragraph (the numbers stay the records'), preview the .docx, file a final
 * version, download the filed ones, and compare a filed version with the records now.
 */
export default function SummariesPage() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { me } = useMe();
  const [orgId, setOrgId] = useState<number | undefined>(me?.orgId);
  const [year, setYear] = useState<number>(dayjs().year() - 1);
  const [openId, setOpenId] = useState<number | null>(null);
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const [editing, setEditing] = useState<SummaryParagraph | null>(null);
  const [wording, setWording] = useState('');
  const [editError, setEditError] = useState<string | null>(null);
  const [drill, setDrill] = useState<FigureDrill | null>(null);
  const [diffFor, setDiffFor] = useState<number | null>(null);

  const list = useQuery({
    queryKey: ['summaries', orgId, year, page],
    queryFn: () => listSummaries({ orgId, year, ...page }),
  });
  const current = useQuery({
    queryKey: ['summary', openId],
    queryFn: () => getSummary(openId!),
    enabled: openId !== null,
  });
  const diff = useQuery({
    queryKey: ['summary', diffFor, 'difference'],
    queryFn: () => summaryDifference(diffFor!),
    enabled: diffFor !== null,
  });
  const shown = (s: Summary) => {
    qc.setQueryData(['summary', s.id], s);
    setOpenId(s.id);
    qc.invalidateQueries({ queryKey: ['summaries'] });
  };
  const generate = useMutation({
    mutationFn: (reset: boolean) => generateSummary({ orgId: orgId!, year, reset }),
    onSuccess: (s) => {
      shown(s);
      message.success('草稿已生成');
    },
    onError: (e) => message.error((e as Error).message),
  });
  const save = useMutation({
    mutationFn: () => editSummaryParagraph(current.data!.id, editing!.id, wording, current.data!.rowVersion),
    onSuccess: (s) => {
      shown(s);
      setEditing(null);
      message.success('措辞已保存');
    },
    onError: (e) => setEditError((e as Error).message),
  });
  const finalize = useMutation({
    mutationFn: () => finalizeSummary(current.data!.id, current.data!.rowVersion),
    onSuccess: (s) => {
      shown(s);
      message.success(`已定稿为第${s.version}版`);
    },
    onError: (e) => message.error((e as Error).message),
  });
  const get = async (id: number) => {
    try {
      await download(summaryDocxUrl(id));
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const openFigure = (s: Summary) => (f: SummaryFigure) => {
    const key =
      f.unit === '%' && f.reproduce.includes('分子')
        ? /figures\/([^/]+)\/records/.exec(f.reproduce)?.[1]
        : f.key;
    if (!key) return;
    setDrill({
      key,
      title: key === f.key ? f.label : `${f.label}的分子`,
      query: { orgId: s.org.id, from: s.from, to: s.to, asOf: s.asOf },
    });
  };

  const s = current.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small" title="年度工作总结">
        <Space wrap>
          <OrgPicker value={orgId} onChange={setOrgId} placeholder="单位（含下级）" style={{ width: 240 }} />
          <Select
            value={year}
            onChange={setYear}
            options={YEARS.map((y) => ({ value: y, label: `${y}年` }))}
            style={{ width: 120 }}
            aria-label="年度"
          />
          <Button
            type="primary"
            icon={<FileTextOutlined />}
            disabled={!orgId}
            loading={generate.isPending}
            onClick={() => generate.mutate(false)}
          >
            生成草稿
          </Button>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          草稿可随时生成（当年也可），数字按统计截至日（年末或今天）从登记记录计算，没有记录的段落不写入；措辞可以修改，数字不能改动。定稿后保存为带版本号的文档和数字快照，日后记录更正可与定稿比对。
        </Typography.Paragraph>
        <Table<SummaryListItem>
          style={{ marginTop: 12 }}
          size="small"
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: <Empty description="还没有年度工作总结，请选择单位和年度后生成草稿" /> }}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: list.data?.total ?? 0,
            showTotal: (n) => totalText(list.data, n, '份'),
            onChange: (p, ps) => setPage({ page: p, pageSize: ps }),
          }}
          columns={[
            { title: '单位', render: (_, r) => r.org.name },
            { title: '年度', dataIndex: 'year' },
            {
              title: '状态',
              render: (_, r) =>
                r.status === 'draft' ? <Tag>草稿</Tag> : <Tag color="green">第{r.version}版定稿</Tag>,
            },
            { title: '统计截至', dataIndex: 'asOf' },
            { title: '生成人', dataIndex: 'generatedBy' },
            { title: '时间', render: (_, r) => dayjs(r.generatedAt).format('YYYY-MM-DD HH:mm') },
            {
              title: '操作',
              render: (_, r) => (
                <Space>
                  <Button size="small" type="link" onClick={() => setOpenId(r.id)}>
                    打开
                  </Button>
                  <Button size="small" type="link" icon={<DownloadOutlined />} onClick={() => get(r.id)}>
                    下载
                  </Button>
                  {r.status === 'final' && (
                    <Button size="small" type="link" onClick={() => setDiffFor(r.id)}>
                      与当前记录比对
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {current.isLoading && <Spin />}
      {current.error && <Alert type="error" title={(current.error as Error).message} />}
      {s && (
        <Card
          size="small"
          title={`${s.org.name} ${s.year}年 · ${s.status === 'draft' ? '草稿' : `第${s.version}版定稿`}`}
          extra={
            <Space>
              <Button icon={<DownloadOutlined />} onClick={() => get(s.id)}>
                {s.status === 'draft' ? '预览 .docx' : '下载定稿'}
              </Button>
              {s.status === 'draft' && s.note && (
                <Tooltip title="定稿须由无回避关系的人员完成">
                  <Button type="primary" icon={<FileDoneOutlined />} disabled>
                    定稿
                  </Button>
                </Tooltip>
              )}
              {s.status === 'draft' && !s.note && (
                <Popconfirm
                  title="恢复模板措辞？"
                  description="本草稿中修改过的措辞将恢复为模板原文。"
                  okText="恢复"
                  cancelText="取消"
                  onConfirm={() => {
                    setOrgId(s.org.id);
                    generateSummary({ orgId: s.org.id, year: s.year, reset: true }).then(shown, (e) =>
                      message.error((e as Error).message),
                    );
                  }}
                >
                  <Button icon={<ReloadOutlined />}>恢复模板措辞</Button>
                </Popconfirm>
              )}
              {s.status === 'draft' && s.note && (
                <Tooltip title="定稿须由无回避关系的人员完成">
                  <Button type="primary" icon={<FileDoneOutlined />} disabled>
                    定稿
                  </Button>
                </Tooltip>
              )}
              {s.status === 'draft' && !s.note && (
                <Popconfirm
                  title="确认定稿？"
                  description={`将按截至 ${s.asOf} 的记录保存为新的定稿版本，定稿后不能修改。`}
                  okText="定稿"
                  cancelText="取消"
                  onConfirm={() => finalize.mutate()}
                >
                  <Button type="primary" icon={<FileDoneOutlined />} loading={finalize.isPending}>
                    定稿
                  </Button>
                </Popconfirm>
              )}
              {s.status === 'final' && <Button onClick={() => setDiffFor(s.id)}>与当前记录比对</Button>}
            </Space>
          }
        >
          {s.note && <Alert type="warning" title={s.note} style={{ marginBottom: 12 }} />}
          <SummaryView
            summary={s}
            onOpenFigure={openFigure(s)}
            onEdit={
              s.status === 'draft'
                ? (p) => {
                    setEditing(p);
                    setWording(p.text);
                    setEditError(null);
                  }
                : undefined
            }
          />
          {s.figures.length > 0 && (
            <>
              <Typography.Title level={5}>附表：统计数据来源及复核方法</Typography.Title>
              <Table
                size="small"
                rowKey="key"
                pagination={false}
                dataSource={s.figures}
                columns={[
                  { title: '指标', dataIndex: 'label' },
                  { title: '口径/定义', dataIndex: 'definition' },
                  { title: '数值', render: (_, f) => figureValue(f) },
                  {
                    title: '如何复核',
                    render: (_, f) => (
                      <Button size="small" type="link" onClick={() => openFigure(s)(f)}>
                        查看明细
                      </Button>
                    ),
                  },
                ]}
              />
            </>
          )}
        </Card>
      )}
      <Modal
        open={!!editing}
        title={editing ? `修改“${editing.title}”措辞` : ''}
        okText="保存"
        cancelText="取消"
        confirmLoading={save.isPending}
        onOk={() => save.mutate()}
        onCancel={() => setEditing(null)}
        width={760}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          花括号中的是统计数字（如 {'{petitions.letter}'}
          ），由系统按登记记录填入，不能删除、改动或手工填写数字；用 [[ ]]
          括起的分句在其数字为零时自动省略；其余措辞可以自由修改。
        </Typography.Paragraph>
        <Input.TextArea
          aria-label="段落措辞"
          value={wording}
          onChange={(e) => {
            setWording(e.target.value);
            setEditError(null);
          }}
          autoSize={{ minRows: 6, maxRows: 16 }}
          maxLength={4000}
        />
        {editError && <Alert style={{ marginTop: 8 }} type="error" title={editError} />}
      </Modal>
      <Modal
        open={diffFor !== null}
        title="定稿与当前记录比对"
        footer={null}
        onCancel={() => setDiffFor(null)}
        width={760}
        destroyOnHidden
      >
        {diff.isLoading && <Spin />}
        {diff.error && <Alert type="error" title={(diff.error as Error).message} />}
        {diff.data && (
          <>
            <Typography.Paragraph>
              按同一单位、同一统计期、同一截至日（{diff.data.asOf}）重新计算：
              {diff.data.changed.length === 0
                ? `全部 ${diff.data.unchanged} 项数字与定稿一致。`
                : `${diff.data.changed.length} 项数字与定稿不同（记录在定稿后有更正），${diff.data.unchanged} 项一致。`}
            </Typography.Paragraph>
            {diff.data.changed.length > 0 && (
              <Table
                size="small"
                rowKey="key"
                pagination={false}
                dataSource={diff.data.changed}
                columns={[
                  { title: '指标', dataIndex: 'label' },
                  { title: '定稿数值', render: (_, c) => figureValue({ value: c.filed, unit: c.unit }) },
                  { title: '当前数值', render: (_, c) => figureValue({ value: c.now, unit: c.unit }) },
                  { title: '复核条件', dataIndex: 'reproduce', ellipsis: true },
                ]}
              />
            )}
          </>
        )}
      </Modal>
      {drill && <FigureRecordsDrawer drill={drill} onClose={() => setDrill(null)} />}
    </Space>
  );
}
