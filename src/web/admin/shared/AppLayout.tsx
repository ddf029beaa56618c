import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { MenuProps } from 'antd';
import { Avatar, Dropdown, Layout, Menu, Watermark } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useMemo } from 'react';
import { matchPath, useLocation, useNavigate } from 'react-router';
import { FEATURES, inMenu, MENU_GROUPS } from '../features';
import { api } from './api';
import { HeaderExtras } from './header-extras';
import { useCan, useMe } from './me';

const { Header, Sider, Content } = Layout;

export function AppLayout({ children }: { children: ReactNode }) {
  const { me } = useMe();
  const can = useCan();
  const nav = useNavigate();
  const loc = useLocation();
  const client = useQueryClient();

  const items = useMemo<MenuProps['items']>(() => {
    const visible = FEATURES.filter((f) => inMenu(f, can));
    const top = visible.filter((f) => !f.group).map((f) => ({ key: f.path, icon: f.icon, label: f.label }));
    const groups = Object.entries(MENU_GROUPS)
      .map(([key, g]) => ({
        key: `group:${key}`,
        icon: g.icon,
        label: g.label,
        children: visible
          .filter((f) => f.group === key)
          .map((f) => ({ key: f.path, icon: f.icon, label: f.label })),
      }))
      .filter((g) => g.children.length > 0);
    return [...top, ...groups];
  }, [can]);

  // the menu entry holding the page: the longest menu path it starts with (/petitions/stats, not /petitions)
  const current =
    FEATURES.filter((f) => !f.hidden && f.path !== '/' && loc.pathname.startsWith(f.path)).sort(
      (a, b) => b.path.length - a.path.length,
    )[0]?.path ?? '/';
  // the page itself, for its label and watermark: a static path first, then one with parameters (/cadres/:id/file)
  const feature =
    FEATURES.find((f) => f.path === loc.pathname) ??
    FEATURES.find((f) => f.path.includes(':') && matchPath(f.path, loc.pathname)) ??
    FEATURES.find((f) => f.path === current);

  const logout = async () => {
    await api('POST', '/api/v1/auth/logout').catch(() => {});
    client.setQueryData(['me'], null);
    nav('/login');
  };

  const userMenu: MenuProps['items'] = [
    { key: 'profile', icon: <UserOutlined />, label: '个人设置', onClick: () => nav('/profile') },
    { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', onClick: logout },
  ];

  const page = (
    <Content style={{ margin: 16, padding: 20, background: '#fff', minHeight: 360, borderRadius: 4 }}>
      {children}
    </Content>
  );
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider breakpoint="lg" collapsedWidth={0} width={208} theme="dark">
        <div style={{ color: '#fff', fontSize: 18, fontWeight: 600, padding: '18px 20px', letterSpacing: 2 }}>
          监督 · 干部监督
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[current]}
          defaultOpenKeys={Object.keys(MENU_GROUPS).map((k) => `group:${k}`)}
          items={items}
          onClick={(e) => nav(e.key)}
        />
      </Sider>
      <Layout>
        <Header
          style={{
            background: '#fff',
            padding: '0 20px',
            display: 'flex',
            justifyContent: 'space-between',
            alignItems: 'center',
          }}
        >
          <span style={{ fontSize: 16 }}>{feature?.label ?? ''}</span>
          <span style={{ display: 'flex', gap: 16, alignItems: 'center' }}>
            <HeaderExtras />
            <Dropdown menu={{ items: userMenu }}>
              <span style={{ cursor: 'pointer' }} data-testid="user-menu">
                <Avatar size="small" icon={<UserOutlined />} /> {me?.displayName}（{me?.orgName}）
              </span>
            </Dropdown>
          </span>
        </Header>
        {feature?.watermark ? (
          <Watermark
            content={[`${me?.displayName} ${me?.username}`, dayjs().format('YYYY-MM-DD HH:mm')]}
            font={{ color: 'rgba(0,0,0,.10)' }}
          >
            {page}
          </Watermark>
        ) : (
          page
        )}
      </Layout>
    </Layout>
  );
}
