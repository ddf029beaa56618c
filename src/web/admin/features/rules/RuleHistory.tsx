import { Drawer, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { formatRuleValue } from '../../../../domain/rule-values';
import type { Rule } from './api';

/** Every version of a rule, newest first, with its period and source. */
export function RuleHistory(props: { rule: Rule; onClose: () => void }) {
  const { rule } = props;
  return (
    <Drawer open title={`版本历史：${rule.name}`} size={480} onClose={props.onClose}>
      <Timeline
        items={rule.versions.map((v) => ({
          color: v.id === rule.current?.id ? 'green' : 'gray',
          content: (
            <div>
              <div>
                <Typography.Text strong>
                  第 {v.version} 版：{formatRuleValue(rule.unit, v.value)}
                </Typography.Text>{' '}
                {v.id === rule.current?.id && <Tag color="green">现行</Tag>}
                {v.effectiveFrom > dayjs().format('YYYY-MM-DD') && <Tag color="blue">待生效</Tag>}
              </div>
              <div>
                施行期间：{v.effectiveFrom} 至 {v.effectiveTo ?? '今'}
              </div>
              <div>依据：{v.source}</div>
              {v.note && <div>说明：{v.note}</div>}
              <Typography.Text type="secondary">
                录入于 {dayjs(v.createdAt).format('YYYY-MM-DD HH:mm')}
              </Typography.Text>
            </div>
          ),
        }))}
      />
    </Drawer>
  );
}
