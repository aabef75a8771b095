// The router. A feature becomes a page by adding its element to PAGES under its nav key;
// every other nav item shows NotYetAvailable.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter } from 'react-router';
import { NotYetAvailable } from '../components/NotYetAvailable';
import { AdminPage } from '../features/admin/AdminPage';
import { EnterprisesPage } from '../features/enterprises/EnterprisesPage';
import { LoginPage } from '../features/login/LoginPage';
import { OverviewPage } from '../features/overview/OverviewPage';
import { PlanPage } from '../features/plan/PlanPage';
import { ParksPage } from '../features/registries/ParksPage';
import { PlatformsPage } from '../features/registries/PlatformsPage';
import { ProjectsPage } from '../features/registries/ProjectsPage';
import { StatisticsPage } from '../features/statistics/StatisticsPage';
import { TargetsPage } from '../features/targets/TargetsPage';
import { TasksPage } from '../features/tasks/TasksPage';
import { AppLayout } from './AppLayout';
import { NAV_ITEMS, type NavKey } from './nav-items';
import { RequireAuth } from './RequireAuth';
import { NotFoundPage, RouteError } from './RouteError';

const PAGES: Partial<Record<NavKey, ReactNode>> = {
  overview: <OverviewPage />,
  plan: <PlanPage />,
  tasks: <TasksPage />,
  targets: <TargetsPage />,
  platforms: <PlatformsPage />,
  parks: <ParksPage />,
  projects: <ProjectsPage />,
  statistics: <StatisticsPage />,
  enterprises: <EnterprisesPage />,
  admin: <AdminPage />,
};

function Placeholder({ navKey }: { navKey: NavKey }) {
  const { t } = useTranslation();
  return <NotYetAvailable name={t(`nav.${navKey}`)} />;
}

export function createRouter() {
  return createBrowserRouter([
    { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
    {
      element: (
        <RequireAuth>
          <AppLayout />
        </RequireAuth>
      ),
      errorElement: <RouteError />,
      children: [
        ...NAV_ITEMS.map((item) => ({ path: item.path, element: PAGES[item.key] ?? <Placeholder navKey={item.key} /> })),
        // 统计监测's tabs are sub-routes (/statistics/entry, /statistics/review, …).
        { path: '/statistics/:tab', element: <StatisticsPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
