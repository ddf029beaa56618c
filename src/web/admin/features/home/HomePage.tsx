import { useQuery } from '@tanstack/react-query';
import { Card, Col, Descriptions, Empty, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { FEATURES, inMenu } from '../../features';
import { api } from '../../shared/api';
import { useCan, useMe } from '../../shared/me';

const SCOPES: Record<string, string> = { all: '全部', subtree: '本级及下级', org: '本级', self: '仅本人' };

interface Summary {
  open: number;
  dueSoon: number;
  overdue: number;
  unreadNotifications: number;
}

/** 工作台: what waits on me, and the way into every part I may use. */
export default function HomePage() {
  const { me } = useMe();
  const can = useCan();
  const summary = useQuery({
    queryKey: ['todos', 'summary'],
    queryFn: () => api<Summary>('GET', '/api/v1/todos/summary'),
  });
  if (!me) return null;
  const entries = FEATURES.filter((f) => f.path !== '/' && inMenu(f, can));
  const s = summary.data;
  return (
    <div>
      <Typography.Title level={4}>您好，{me.displayName}</Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card title="我的待办" size="small" extra={<Link to="/todos">全部待办</Link>}>
            <Row gutter={16}>
              <Col span={6}>
                <Link to="/todos">
                  <Statistic title="待办事项" value={s?.open ?? '-'} loading={summary.isLoading} />
                </Link>
              </Col>
              <Col span={6}>
                <Statistic
                  title="3 日内到期"
                  value={s?.dueSoon ?? '-'}
                  valueStyle={{ color: '#d46b08' }}
                  loading={summary.isLoading}
                />
              </Col>
              <Col span={6}>
                <Link to="/todos">
                  <Statistic
                    title="已逾期"
                    value={s?.overdue ?? '-'}
                    valueStyle={{ color: '#cf1322' }}
                    loading={summary.isLoading}
                  />
                </Link>
              </Col>
              <Col span={6}>
                <Link to="/todos?tab=notifications">
                  <Statistic
                    title="未读通知"
                    value={s?.unreadNotifications ?? '-'}
                    loading={summary.isLoading}
                  />
                </Link>
              </Col>
            </Row>
          </Card>
          <Card title="常用功能" size="small" style={{ marginTop: 16 }}>
            {entries.length ? (
              <Row gutter={[12, 12]}>
                {entries.map((f) => (
                  <Col key={f.path} xs={12} md={8} xl={6}>
                    <Link to={f.path}>
                      <Card
                        size="small"
                        hoverable
                        styles={{ body: { display: 'flex', gap: 8, alignItems: 'center' } }}
                      >
                        {f.icon}
                        <span>{f.label}</span>
                      </Card>
                    </Link>
                  </Col>
                ))}
              </Row>
            ) : (
              <Empty description="您的角色暂无可用功能，请联系系统管理员" />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title="账号信息" size="small" extra={<Link to="/profile">个人设置</Link>}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label="用户名">{me.username}</Descriptions.Item>
              <Descriptions.Item label="所在单位">{me.orgName}</Descriptions.Item>
              <Descriptions.Item label="数据范围">{SCOPES[me.dataScope] ?? me.dataScope}</Descriptions.Item>
              <Descriptions.Item label="两步验证">{me.totpEnabled ? '已启用' : '未启用'}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
