/**
 * Every page of the app in one table: the side menu and the router both read it. A page is loaded
 * when first opened (React.lazy), so the first page's script stays small.
 */
import { lazy, type ReactNode } from 'react';
import {
  AlertOutlined,
  AuditOutlined,
  CheckSquareOutlined,
  ColumnWidthOutlined,
  DashboardOutlined,
  EditOutlined,
  FileExcelOutlined,
  FileProtectOutlined,
  FileTextOutlined,
  GlobalOutlined,
  HomeOutlined,
  LineChartOutlined,
  PartitionOutlined,
  ScheduleOutlined,
  SafetyCertificateOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { ROLES, type Role } from './core';

const HomePage = lazy(() => import('./pages/HomePage'));
const PasswordPage = lazy(() => import('./pages/PasswordPage'));
const UsersPage = lazy(() => import('./pages/UsersPage'));
const SecurityLogPage = lazy(() => import('./pages/SecurityLogPage'));
const DepartmentsPage = lazy(() => import('./pages/DepartmentsPage'));
const AssignmentsPage = lazy(() => import('./pages/AssignmentsPage'));
const CompletenessPage = lazy(() => import('./pages/CompletenessPage'));
const ImplementationPlansPage = lazy(() => import('./pages/ImplementationPlansPage'));
const QualitativePage = lazy(() => import('./pages/QualitativePage'));
const EntryPage = lazy(() => import('./pages/EntryPage'));
const UploadPage = lazy(() => import('./pages/UploadPage'));
const ReviewPage = lazy(() => import('./pages/ReviewPage'));
const ReportsPage = lazy(() => import('./pages/ReportsPage'));
const PublicationsPage = lazy(() => import('./pages/PublicationsPage'));
const IndicatorListPage = lazy(() => import('./pages/IndicatorListPage'));
const IndicatorPage = lazy(() => import('./pages/IndicatorPage'));
const OverviewPage = lazy(() => import('./pages/OverviewPage'));
const WarningsPage = lazy(() => import('./pages/WarningsPage'));
const DisparitiesPage = lazy(() => import('./pages/DisparitiesPage'));

/** Sections of the side menu, in the order shown; a route without one is at the top. */
export const MENU_GROUPS = ['监测分析', '数据填报', '工作管理', '系统管理'] as const;
export type MenuGroup = (typeof MENU_GROUPS)[number];

export interface AppRoute {
  path: string;
  label: string;
  icon?: ReactNode;
  /** Who sees it in the menu and may open it. */
  roles: readonly Role[];
  element: ReactNode;
  group?: MenuGroup;
  /** Reachable by link only (e.g. 修改密码, opened from the header). */
  hideInMenu?: boolean;
}

const ALL = ROLES;
const OFFICE: readonly Role[] = ['admin', 'evaluator'];

export const ROUTES: AppRoute[] = [
  { path: '/', label: '工作台', icon: <HomeOutlined />, roles: ALL, element: <HomePage /> },
  { path: '/reports', label: '报告', icon: <FileTextOutlined />, roles: ALL, element: <ReportsPage /> },
  { path: '/overview', label: '总览', icon: <DashboardOutlined />, roles: ALL, element: <OverviewPage />, group: '监测分析' },
  { path: '/indicators', label: '监测指标', icon: <LineChartOutlined />, roles: ALL, element: <IndicatorListPage />, group: '监测分析' },
  { path: '/indicators/:code', label: '指标详情', roles: ALL, element: <IndicatorPage />, group: '监测分析', hideInMenu: true },
  { path: '/warnings', label: '预警', icon: <AlertOutlined />, roles: ALL, element: <WarningsPage />, group: '监测分析' },
  { path: '/disparities', label: '差距', icon: <ColumnWidthOutlined />, roles: ALL, element: <DisparitiesPage />, group: '监测分析' },
  {
    path: '/entry',
    label: '填报',
    icon: <EditOutlined />,
    roles: ['department', 'monitor', 'evaluator', 'viewer'],
    element: <EntryPage />,
    group: '数据填报',
  },
  { path: '/upload', label: 'Excel 导入', icon: <FileExcelOutlined />, roles: ['department'], element: <UploadPage />, group: '数据填报' },
  { path: '/review', label: '审核', icon: <SolutionOutlined />, roles: ['monitor'], element: <ReviewPage />, group: '数据填报' },
  {
    path: '/completeness',
    label: '报送进度',
    icon: <ScheduleOutlined />,
    roles: ['admin', 'evaluator', 'monitor'],
    element: <CompletenessPage />,
    group: '工作管理',
  },
  {
    path: '/implementation-plans',
    label: '实施方案',
    icon: <FileProtectOutlined />,
    roles: ['admin', 'evaluator', 'monitor', 'department'],
    element: <ImplementationPlansPage />,
    group: '工作管理',
  },
  {
    path: '/qualitative',
    label: '定性目标',
    icon: <CheckSquareOutlined />,
    roles: ['admin', 'evaluator', 'department', 'monitor', 'viewer'],
    element: <QualitativePage />,
    group: '工作管理',
  },
  { path: '/departments', label: '成员单位', icon: <TeamOutlined />, roles: OFFICE, element: <DepartmentsPage />, group: '工作管理' },
  {
    path: '/assignments',
    label: '任务分工',
    icon: <PartitionOutlined />,
    roles: [...OFFICE, 'department'],
    element: <AssignmentsPage />,
    group: '工作管理',
  },
  { path: '/publications', label: '公开发布', icon: <GlobalOutlined />, roles: OFFICE, element: <PublicationsPage />, group: '工作管理' },
  { path: '/users', label: '用户管理', icon: <UserOutlined />, roles: ['admin'], element: <UsersPage />, group: '系统管理' },
  {
    path: '/security-log',
    label: '安全日志',
    icon: <AuditOutlined />,
    roles: ['admin'],
    element: <SecurityLogPage />,
    group: '系统管理',
  },
  {
    path: '/password',
    label: '修改密码',
    icon: <SafetyCertificateOutlined />,
    roles: ALL,
    element: <PasswordPage />,
    hideInMenu: true,
  },
];

/** The routes a role may open. */
export function routesFor(role: Role): AppRoute[] {
  return ROUTES.filter((r) => r.roles.includes(role));
}
