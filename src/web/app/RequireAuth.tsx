import { Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { isUnauthenticated } from '../api/client';
import { useMe } from '../api/hooks';

// antd's Result (with its illustrations) is not in the first page's JS: it is loaded when an error shows.
const LoadFailed = lazy(async () => ({ default: (await import('./RouteError')).LoadFailed }));

/** Renders its children for a logged-in user; sends everyone else to /login (and back afterwards). */
export function RequireAuth({ children }: { children: ReactNode }) {
  const location = useLocation();
  const me = useMe();
  if (me.isError && isUnauthenticated(me.error)) {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to={from === '/' ? '/login' : `/login?from=${encodeURIComponent(from)}`} replace />;
  }
  if (me.isPending) return <Spin size="large" fullscreen />;
  if (me.isError) {
    return (
      <Suspense fallback={null}>
        <LoadFailed message={me.error.message} onRetry={() => void me.refetch()} />
      </Suspense>
    );
  }
  return <>{children}</>;
}
