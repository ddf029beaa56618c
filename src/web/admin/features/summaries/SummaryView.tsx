import { EditOutlined } from '@ant-design/icons';
import { Button, Tag, Tooltip, Typography } from 'antd';
import type { Summary, SummaryFigure, SummaryParagraph, SummaryPart } from './api';

/** Each part with where it starts in the paragraph (a stable key: the parts never reorder). */
const withOffsets = (parts: SummaryPart[]) => {
  let at = 0;
  return parts.map((part) => {
    const out = { part, at };
    at += part.text.length + 1;
    return out;
  });
};

/**
 * The summary as it reads: each figure a locked chip (its definition on hover; a click lists its
 * records), the dropped paragraphs greyed with why, and an edit button per paragraph on a draft.
 */
export function SummaryView(props: {
  summary: Summary;
  onOpenFigure: (f: SummaryFigure) => void;
  onEdit?: (p: SummaryParagraph) => void;
}) {
  const { summary: s } = props;
  const byKey = new Map(s.figures.map((f) => [f.key, f]));
  const para = (p: SummaryParagraph) => (
    <div key={p.id} data-paragraph={p.id} style={{ marginBottom: 12 }}>
      {p.parts ? (
        <Typography.Paragraph style={{ textIndent: '2em', marginBottom: 4, lineHeight: 2 }}>
          {p.ordinal}
          {withOffsets(p.parts).map(({ part, at }) => {
            if (!part.key) return <span key={at}>{part.text}</span>;
            const f = byKey.get(part.key);
            return (
              <Tooltip key={at} title={f ? `${f.label}：${f.definition}（点击查看明细）` : part.key}>
                <Tag
                  color="blue"
                  style={{ marginInline: 2, cursor: 'pointer', textIndent: 0 }}
                  data-figure={part.key}
                  onClick={() => f && props.onOpenFigure(f)}
                >
                  {part.text}
                </Tag>
              </Tooltip>
            );
          })}
        </Typography.Paragraph>
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
          〔{p.title}〕本年度没有相关记录（或无权查看），此段不写入总结。
        </Typography.Paragraph>
      )}
      {props.onEdit && (
        <Button size="small" type="link" icon={<EditOutlined />} onClick={() => props.onEdit?.(p)}>
          修改“{p.title}”措辞
        </Button>
      )}
    </div>
  );
  return (
    <div>
      <Typography.Title level={4} style={{ textAlign: 'center' }}>
        {s.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
        统计数据截至 {s.asOf}
        {s.status === 'draft'
          ? '（草稿，数字随登记记录实时计算）'
          : `（第${s.version}版定稿，数字为定稿时的快照）`}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ textIndent: '2em', lineHeight: 2 }}>{s.opening}</Typography.Paragraph>
      {s.sections.map((sec) => (
        <div key={sec.key} style={{ opacity: sec.number ? 1 : 0.6 }}>
          <Typography.Title level={5}>
            {sec.number
              ? `${sec.number}、${sec.heading}`
              : `〔${sec.heading}〕本部分没有可写入的内容，不写入总结`}
          </Typography.Title>
          {sec.number && (
            <Typography.Paragraph style={{ textIndent: '2em', lineHeight: 2 }}>
              {sec.intro}
            </Typography.Paragraph>
          )}
          {sec.paragraphs.map(para)}
        </div>
      ))}
    </div>
  );
}
