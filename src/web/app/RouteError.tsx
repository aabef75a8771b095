import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useRouteError } from 'react-router';

/** A page that threw while rendering: say so and offer a reload, instead of a blank screen. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  return (
    <Result
      status="error"
      title={t('common.pageError')}
      subTitle={error instanceof Error ? error.message : undefined}
      extra={<Button onClick={() => window.location.reload()}>{t('common.reload')}</Button>}
    />
  );
}

/** The signed-in user's details could not be loaded (server down, network): say so and offer a retry. */
export function LoadFailed({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return <Result status="error" title={t('common.loadFailed')} subTitle={message} extra={<Button onClick={onRetry}>{t('common.retry')}</Button>} />;
}

/** A part the signed-in role may not read, reached by its URL (the menu does not offer it). */
export function ForbiddenPage({ name }: { name: string }) {
  const { t } = useTranslation();
  return (
    <div data-testid="forbidden">
      <Result
        status="403"
        title="403"
        subTitle={t('common.forbidden', { name })}
        extra={
          <Link to="/">
            <Button type="primary">{t('common.backHome')}</Button>
          </Link>
        }
      />
    </div>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('common.notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}
