import { Tag, Tooltip, Typography } from 'antd';
import { DUE_KINDS, PETITION_STATUSES, STATUS_COLORS } from './api';

export function StatusTag({ status }: { status: string }) {
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'}>
      {PETITION_STATUSES[status as keyof typeof PETITION_STATUSES] ?? status}
    </Tag>
  );
}

export function UrgentTag() {
  return (
    <Tooltip title="反映对象正在任前公示期内，优先办理">
      <Tag color="red">紧急</Tag>
    </Tooltip>
  );
}

/** The running clock: due date, in red with the days past it when overdue. */
export function DueText(props: { dueOn: string | null; dueKind: string | null; overdueDays: number }) {
  if (!props.dueOn) return <Typography.Text type="secondary">—</Typography.Text>;
  const kind = DUE_KINDS[props.dueKind as keyof typeof DUE_KINDS] ?? '期限';
  if (props.overdueDays > 0)
    return (
      <Tooltip title={`${kind}：${props.dueOn}`}>
        <Typography.Text type="danger" strong>
          {props.dueOn}（逾期 {props.overdueDays} 天）
        </Typography.Text>
      </Tooltip>
    );
  return (
    <Tooltip title={kind}>
      <span>{props.dueOn}</span>
    </Tooltip>
  );
}
