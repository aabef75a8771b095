// The router. A feature becomes a page by adding its element to PAGES under its nav key;
// every other nav item shows NotYetAvailable. Feature pages are loaded on first use (each its own
// chunk, ECharts with the pages that draw charts), so the first load is the shell. The login page and the
// error pages (antd Result with its illustrations, Form) are chunks too: the first page's JS stays under the
// 350 KB gzip of issue 12 (bench/first-page-js.ts).
import { Spin } from 'antd';
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter } from 'react-router';
import { useMe } from '../api/hooks';
import { AppLayout } from './AppLayout';
import { mayRead, NAV_ITEMS, type NavItem, type NavKey } from './nav-items';
import { RequireAuth } from './RequireAuth';

/** A page component loaded when first shown: `name` is its export in the module. */
function lazyPage<M extends Record<N, ComponentType>, N extends keyof M & string>(load: () => Promise<M>, name: N) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const LoginPage = lazyPage(() => import('../features/login/LoginPage'), 'LoginPage');
const RouteError = lazyPage(() => import('./RouteError'), 'RouteError');
const NotFoundPage = lazyPage(() => import('./RouteError'), 'NotFoundPage');
const ForbiddenPage = lazy(async () => ({ default: (await import('./RouteError')).ForbiddenPage }));
const NotYetAvailable = lazy(async () => ({ default: (await import('../components/NotYetAvailable')).NotYetAvailable }));
const AdminPage = lazyPage(() => import('../features/admin/AdminPage'), 'AdminPage');
const EnterprisesPage = lazyPage(() => import('../features/enterprises/EnterprisesPage'), 'EnterprisesPage');
const OverviewPage = lazyPage(() => import('../features/overview/OverviewPage'), 'OverviewPage');
const PlanPage = lazyPage(() => import('../features/plan/PlanPage'), 'PlanPage');
const ParksPage = lazyPage(() => import('../features/registries/ParksPage'), 'ParksPage');
const PlatformsPage = lazyPage(() => import('../features/registries/PlatformsPage'), 'PlatformsPage');
const ProjectsPage = lazyPage(() => import('../features/registries/ProjectsPage'), 'ProjectsPage');
const StatisticsPage = lazyPage(() => import('../features/statistics/StatisticsPage'), 'StatisticsPage');
const TargetsPage = lazyPage(() => import('../features/targets/TargetsPage'), 'TargetsPage');
const TasksPage = lazyPage(() => import('../features/tasks/TasksPage'), 'TasksPage');
const SupervisionPage = lazyPage(() => import('../features/supervision/SupervisionPage'), 'SupervisionPage');
const SupervisionTaskRedirect = lazyPage(() => import('../features/supervision/SupervisionPage'), 'SupervisionTaskRedirect');
const PivotPage = lazyPage(() => import('../features/analysis/PivotPage'), 'PivotPage');
const CountyPage = lazyPage(() => import('../features/overview/DrillPages'), 'CountyPage');
const IndustryPage = lazyPage(() => import('../features/overview/DrillPages'), 'IndustryPage');
const EnterpriseFiguresPage = lazyPage(() => import('../features/overview/DrillPages'), 'EnterpriseFiguresPage');
const PlanParsePage = lazyPage(() => import('../features/plan-parse/PlanParsePage'), 'PlanParsePage');
const EvaluationPage = lazyPage(() => import('../features/evaluation/EvaluationPage'), 'EvaluationPage');
const ReportsPage = lazyPage(() => import('../features/reports/ReportsPage'), 'ReportsPage');
const PublicPage = lazyPage(() => import('../features/public/PublicPage'), 'PublicPage');
const ReviewPage = lazyPage(() => import('../features/review/ReviewPage'), 'ReviewPage');
const ReviewItemPage = lazyPage(() => import('../features/review/ItemPage'), 'ItemPage');
const ReviewMeetingPage = lazyPage(() => import('../features/review/MeetingPage'), 'MeetingPage');

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
  supervision: <SupervisionPage />,
  analysis: <PivotPage />,
  planParser: <PlanParsePage />,
  evaluation: <EvaluationPage />,
  reports: <ReportsPage />,
  reviews: <ReviewPage />,
};

function Placeholder({ navKey }: { navKey: NavKey }) {
  const { t } = useTranslation();
  return <NotYetAvailable name={t(`nav.${navKey}`)} />;
}

/** The part's page (loaded on first use) for a role that may read it, a 403 message for the others (who reached it by URL). */
function Guarded({ item, children }: { item: NavItem; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Suspense fallback={<PageLoading />}>
      {mayRead(item, me.data?.permissions) ? children : <ForbiddenPage name={t(`nav.${item.key}`)} />}
    </Suspense>
  );
}

/** Shown while a page's code loads. */
export function PageLoading() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: 80 }} data-testid="page-loading">
      <Spin size="large" />
    </div>
  );
}

/** A lazily loaded element outside `Guarded`. */
function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PageLoading />}>{children}</Suspense>;
}

const STATISTICS = NAV_ITEMS.find((i) => i.key === 'statistics')!;
const SUPERVISION = NAV_ITEMS.find((i) => i.key === 'supervision')!;
const REVIEWS = NAV_ITEMS.find((i) => i.key === 'reviews')!;
const OVERVIEW = NAV_ITEMS.find((i) => i.key === 'overview')!;

export function createRouter() {
  return createBrowserRouter([
    { path: '/login', element: <Lazy><LoginPage /></Lazy>, errorElement: <Lazy><RouteError /></Lazy> },
    {
      element: (
        <RequireAuth>
          <AppLayout />
        </RequireAuth>
      ),
      errorElement: <Lazy><RouteError /></Lazy>,
      children: [
        ...NAV_ITEMS.map((item) => ({ path: item.path, element: <Guarded item={item}>{PAGES[item.key] ?? <Placeholder navKey={item.key} />}</Guarded> })),
        // 统计监测's tabs are sub-routes (/statistics/entry, /statistics/review, …).
        { path: '/statistics/:tab', element: <Guarded item={STATISTICS}><StatisticsPage /></Guarded> },
        // 督查督办's views are sub-routes too (/supervision/inbox, /board, /gantt, /units, /bulletin).
        { path: '/supervision/:tab', element: <Guarded item={SUPERVISION}><SupervisionPage /></Guarded> },
        { path: '/supervision/tasks/:taskId', element: <Guarded item={SUPERVISION}><SupervisionTaskRedirect /></Guarded> },
        // 领导小组审议: tabs, one item, one meeting.
        { path: '/reviews/items/:id', element: <Guarded item={REVIEWS}><ReviewItemPage /></Guarded> },
        { path: '/reviews/meetings/:id', element: <Guarded item={REVIEWS}><ReviewMeetingPage /></Guarded> },
        { path: '/reviews/:tab', element: <Guarded item={REVIEWS}><ReviewPage /></Guarded> },
        // The pages behind the cockpit's figures (issue 12): county, plan industry, enterprise.
        { path: '/cockpit/county/:code', element: <Guarded item={OVERVIEW}><CountyPage /></Guarded> },
        { path: '/cockpit/industry/:code', element: <Guarded item={OVERVIEW}><IndustryPage /></Guarded> },
        { path: '/cockpit/enterprise/:id', element: <Guarded item={OVERVIEW}><EnterpriseFiguresPage /></Guarded> },
        { path: '*', element: <Lazy><NotFoundPage /></Lazy> },
      ],
    },
    // The public page: no login, outside the signed-in shell.
    { path: '/public', element: <Lazy><PublicPage /></Lazy>, errorElement: <Lazy><RouteError /></Lazy> },
  ]);
}
