import { useQuery } from '@tanstack/react-query';
import { Select, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { fetchDiff } from './api';

const STYLE = {
  added: { background: '#f6ffed', color: '#237804' },
  removed: { background: '#fff1f0', color: '#a8071a', textDecoration: 'line-through' },
  same: {},
} as const;
const MARK = { added: '+ ', removed: '- ', same: '  ' } as const;

/** The line diff between two versions: added lines green, removed lines red. */
export function DiffView(props: { policyId: number; versions: number[] }) {
  const last = props.versions.at(-1)!;
  const [from, setFrom] = useState(props.versions.at(-2)!);
  const [to, setTo] = useState(last);
  const q = useQuery({
    queryKey: ['policies', props.policyId, 'diff', from, to],
    queryFn: () => fetchDiff(props.policyId, from, to),
  });
  // each line keeps its place in the diff: the diff does not change while shown
  const lines = (q.data?.lines ?? []).map((l, n) => ({ ...l, id: `${n}:${l.kind}` }));
  const options = props.versions.map((n) => ({ value: n, label: `第 ${n} 版` }));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Select
          aria-label="对比的旧版本"
          value={from}
          onChange={setFrom}
          options={options}
          style={{ width: 110 }}
        />
        <span>→</span>
        <Select
          aria-label="对比的新版本"
          value={to}
          onChange={setTo}
          options={options}
          style={{ width: 110 }}
        />
        {q.data && (
          <Typography.Text type="secondary">
            新增 {q.data.added} 行，删除 {q.data.removed} 行
          </Typography.Text>
        )}
      </Space>
      {q.isLoading ? (
        <Spin />
      ) : (
        <pre data-testid="policy-diff" style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', margin: 0 }}>
          {lines.map((l) => (
            <div key={l.id} className={`diff-${l.kind}`} style={STYLE[l.kind]}>
              {MARK[l.kind]}
              {l.text}
            </div>
          ))}
        </pre>
      )}
    </Space>
  );
}
