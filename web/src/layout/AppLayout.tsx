/** The frame of every signed-in page: the side menu for the user's role, the header with who is signed in. */
import { Suspense, useEffect, useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Button, Flex, Layout, Menu, Tag, Tooltip, type MenuProps } from 'antd';
import { KeyOutlined, LogoutOutlined } from '@ant-design/icons';
import { useAuth, useUser } from '../auth/AuthContext';
import { FullPageSpin } from '../components/FullPageSpin';
import { PageErrorBoundary } from '../components/PageErrorBoundary';
import { MENU_GROUPS, routesFor, type AppRoute } from '../routes';

export const SYSTEM_NAME = '儿童发展规划监测评估系统';

type MenuItem = Required<MenuProps>['items'][number];

function menuItems(routes: AppRoute[]): MenuItem[] {
  const shown = routes.filter((r) => !r.hideInMenu);
  const item = (r: AppRoute): MenuItem => ({ key: r.path, icon: r.icon, label: <Link to={r.path}>{r.label}</Link> });
  const items: MenuItem[] = shown.filter((r) => r.group === undefined).map(item);
  for (const group of MENU_GROUPS) {
    const inGroup = shown.filter((r) => r.group === group);
    if (inGroup.length > 0) items.push({ type: 'group', key: group, label: group, children: inGroup.map(item) });
  }
  return items;
}

/** The menu key of the page shown: the longest route path the location starts with. */
function selectedKey(routes: AppRoute[], pathname: string): AppRoute | undefined {
  return routes
    .filter((r) => (r.path === '/' ? pathname === '/' : pathname === r.path || pathname.startsWith(`${r.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
}

export function AppLayout() {
  const user = useUser();
  const { logout } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  const routes = useMemo(() => routesFor(user.role), [user.role]);
  const items = useMemo(() => menuItems(routes), [routes]);
  const current = selectedKey(routes, location.pathname);
  const forced = user.mustChangePassword;

  useEffect(() => {
    document.title = current ? `${current.label} - ${SYSTEM_NAME}` : SYSTEM_NAME;
  }, [current]);

  const unit = user.departmentName ? `${user.orgUnitName} · ${user.departmentName}` : user.orgUnitName;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
        <Link to="/" style={{ color: '#fff', fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }} data-testid="system-name">
          {SYSTEM_NAME}
        </Link>
        <Flex align="center" gap={12} style={{ marginLeft: 'auto', color: '#fff', minWidth: 0 }} data-testid="current-user">
          <span style={{ whiteSpace: 'nowrap' }} data-testid="current-user-name">
            {user.displayName}
          </span>
          <Tooltip title="所属单位">
            <span
              style={{ opacity: 0.85, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}
              data-testid="current-user-unit"
            >
              {unit}
            </span>
          </Tooltip>
          <Tag color="blue" style={{ marginInlineEnd: 0 }} data-testid="current-user-role">
            {user.roleLabel}
          </Tag>
          <Button type="text" style={{ color: '#fff' }} icon={<KeyOutlined />} onClick={() => navigate('/password')} aria-label="修改密码">
            修改密码
          </Button>
          <Button type="text" style={{ color: '#fff' }} icon={<LogoutOutlined />} onClick={() => void logout()} aria-label="退出">
            退出
          </Button>
        </Flex>
      </Layout.Header>
      <Layout>
        {!forced && (
          <Layout.Sider
            width={200}
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            theme="light"
            style={{ borderRight: '1px solid #e8e8e8' }}
          >
            <Menu
              mode="inline"
              items={items}
              selectedKeys={current ? [current.path] : []}
              style={{ borderInlineEnd: 0 }}
              aria-label="主菜单"
              data-testid="side-menu"
            />
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: 16, minWidth: 0 }}>
          <PageErrorBoundary resetKey={location.pathname}>
            <Suspense fallback={<FullPageSpin />}>
              <Outlet />
            </Suspense>
          </PageErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
