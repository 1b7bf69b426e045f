/** The router: the login page outside, every other page inside the signed-in layout. */
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { Result } from 'antd';
import { useAuth } from './auth/AuthContext';
import { FullPageSpin } from './components/FullPageSpin';
import { PageErrorBoundary } from './components/PageErrorBoundary';
import { AppLayout } from './layout/AppLayout';
import { ROUTES, type AppRoute } from './routes';

const LoginPage = lazy(() => import('./pages/LoginPage'));
// The public portal: no login, its own frame, loaded only when opened.
const PublicSite = lazy(() => import('./public/PublicSite'));

function RequireAuth({ children }: { children: ReactNode }) {
  const { checked, user } = useAuth();
  const location = useLocation();
  if (!checked) return <FullPageSpin />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (user.mustChangePassword && location.pathname !== '/password') return <Navigate to="/password" replace />;
  return children;
}

function RoleGate({ route }: { route: AppRoute }) {
  const { user } = useAuth();
  if (!user || !route.roles.includes(user.role)) {
    return <Result status="403" title="无权访问" subTitle={`“${route.label}”页面不对您的角色开放。`} />;
  }
  return route.element;
}

export function App() {
  return (
    <Routes>
      <Route
        path="/login"
        element={
          <PageErrorBoundary>
            <Suspense fallback={<FullPageSpin />}>
              <LoginPage />
            </Suspense>
          </PageErrorBoundary>
        }
      />
      <Route
        path="/public/*"
        element={
          <PageErrorBoundary>
            <Suspense fallback={<FullPageSpin />}>
              <PublicSite />
            </Suspense>
          </PageErrorBoundary>
        }
      />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        {ROUTES.map((r) => (
          <Route key={r.path} path={r.path} element={<RoleGate route={r} />} />
        ))}
        <Route path="*" element={<Result status="404" title="页面不存在" subTitle="请从左侧菜单选择要打开的页面。" />} />
      </Route>
    </Routes>
  );
}
