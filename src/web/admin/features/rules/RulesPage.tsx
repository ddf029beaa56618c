import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatRuleValue, RULE_AREAS } from '../../../../domain/rule-values';
import { useCan } from '../../shared/me';
import { fetchRules, type Rule } from './api';
import { ReviseRule } from './ReviseRule';
import { RuleHistory } from './RuleHistory';

export default function RulesPage() {
  const can = useCan();
  const client = useQueryClient();
  const q = useQuery({ queryKey: ['rules'], queryFn: fetchRules });
  const [revising, setRevising] = useState<Rule | null>(null);
  const [history, setHistory] = useState<Rule | null>(null);
  const areas = [...new Set((q.data ?? []).map((r) => r.area))];

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        各项期限、比例和阈值均为可配置的规则数据。修订会生成新版本并注明生效日期和依据，历史版本保留可查。
      </Typography.Paragraph>
      {q.isLoading && <Card loading />}
      {areas.map((area) => (
        <Card key={area} size="small" title={RULE_AREAS[area] ?? area}>
          <Table<Rule>
            rowKey="key"
            size="small"
            pagination={false}
            tableLayout="fixed"
            dataSource={q.data?.filter((r) => r.area === area)}
            columns={[
              { title: '规则', dataIndex: 'name', width: 300 },
              {
                title: '现行值',
                width: 220,
                render: (_, r) => {
                  const next = r.versions[0];
                  return (
                    <Space size={4} wrap>
                      {r.current ? formatRuleValue(r.unit, r.current.value) : <Tag>未生效</Tag>}
                      {next && next.id !== r.current?.id && (
                        <Tag color="blue">
                          {next.effectiveFrom} 起 {formatRuleValue(r.unit, next.value)}
                        </Tag>
                      )}
                    </Space>
                  );
                },
              },
              { title: '依据', render: (_, r) => r.current?.source ?? r.versions[0]?.source },
              { title: '生效日期', width: 110, render: (_, r) => r.current?.effectiveFrom ?? '' },
              {
                title: '操作',
                width: 140,
                render: (_, r) => (
                  <Space size={0}>
                    {can('rule.manage') && (
                      <Button type="link" size="small" onClick={() => setRevising(r)}>
                        修订
                      </Button>
                    )}
                    <Button type="link" size="small" onClick={() => setHistory(r)}>
                      历史（{r.versions.length}）
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      ))}
      {revising && (
        <ReviseRule
          rule={revising}
          onClose={() => setRevising(null)}
          onSaved={() => {
            setRevising(null);
            client.invalidateQueries({ queryKey: ['rules'] });
          }}
        />
      )}
      {history && <RuleHistory rule={history} onClose={() => setHistory(null)} />}
    </Space>
  );
}
