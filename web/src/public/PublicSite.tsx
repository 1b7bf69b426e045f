/**
 * The public portal (/public): read-only pages without login, showing only approved figures of the
 * years the office has published. No map: a map published in China needs an approved base map
 * (审图号), so the portal shows charts and tables only.
 */
import { lazy, Suspense, useEffect } from 'react';
import { Link, Route, Routes, useLocation } from 'react-router-dom';
import { Alert, Layout, Menu, Result, Typography } from 'antd';
import { ErrorAlert } from '../components/ErrorAlert';
import { FullPageSpin } from '../components/FullPageSpin';
import { PageErrorBoundary } from '../components/PageErrorBoundary';
import { PortalContext } from './PortalContext';
import { usePortalInfo } from './publicApi';

const PublicHomePage = lazy(() => import('./PublicHomePage'));
const PublicIndicatorPage = lazy(() => import('./PublicIndicatorPage'));
const PublicDownloadsPage = lazy(() => import('./PublicDownloadsPage'));
const PublicAboutPage = lazy(() => import('./PublicAboutPage'));

const NAV = [
  { path: '/public', label: '首页' },
  { path: '/public/downloads', label: '数据下载' },
  { path: '/public/about', label: '关于规划' },
];

export default function PublicSite() {
  const { data: info, error, reload } = usePortalInfo();
  const location = useLocation();
  const current = location.pathname.startsWith('/public/downloads')
    ? '/public/downloads'
    : location.pathname.startsWith('/public/about')
      ? '/public/about'
      : '/public';

  useEffect(() => {
    const page = NAV.find((n) => n.path === current)?.label ?? '';
    document.title = info ? `${page} - ${info.planName}监测数据公开` : '规划监测数据公开';
  }, [info, current]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24 }}>
        <Link to="/public" style={{ color: '#fff', fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }} data-testid="public-title">
          {info ? `${info.planName}监测数据公开` : '规划监测数据公开'}
        </Link>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={[current]}
          style={{ flex: 1, minWidth: 0, background: 'transparent' }}
          items={NAV.map((n) => ({ key: n.path, label: <Link to={n.path}>{n.label}</Link> }))}
          aria-label="公开门户导航"
        />
      </Layout.Header>
      <Layout.Content style={{ padding: '16px 24px', maxWidth: 1280, width: '100%', margin: '0 auto', boxSizing: 'border-box' }}>
        <ErrorAlert error={error} retry={reload} />
        {/* The indicator page says so itself (IndicatorView). */}
        {info?.syntheticNotice && !location.pathname.startsWith('/public/indicators/') && (
          <Alert type="warning" showIcon title={info.syntheticNotice} style={{ marginBottom: 12 }} />
        )}
        {!info ? (
          !error && <FullPageSpin />
        ) : (
          <PortalContext.Provider value={info}>
            <PageErrorBoundary>
              <Suspense fallback={<FullPageSpin />}>
                <Routes>
                  <Route index element={<PublicHomePage />} />
                  <Route path="indicators/:code" element={<PublicIndicatorPage />} />
                  <Route path="downloads" element={<PublicDownloadsPage />} />
                  <Route path="about" element={<PublicAboutPage />} />
                  <Route path="*" element={<Result status="404" title="页面不存在" extra={<Link to="/public">返回首页</Link>} />} />
                </Routes>
              </Suspense>
            </PageErrorBoundary>
          </PortalContext.Provider>
        )}
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center' }}>
        <Typography.Text type="secondary">
          本站只发布经审核批准、并由妇女儿童工作委员会办公室公开发布年度的监测数据。
          <Link to="/login" style={{ marginLeft: 12 }}>
            工作人员登录
          </Link>
        </Typography.Text>
      </Layout.Footer>
    </Layout>
  );
}
