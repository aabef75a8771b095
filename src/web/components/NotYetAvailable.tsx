import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The page of a part of the product that is named in the navigation but not built yet. */
export function NotYetAvailable({ name }: { name: string }) {
  const { t } = useTranslation();
  return (
    <div data-testid="not-yet-available">
      <Result
        status="info"
        title={t('notYet.title')}
        subTitle={t('notYet.subtitle', { name })}
        extra={
          <Link to="/">
            <Button type="primary">{t('common.backHome')}</Button>
          </Link>
        }
      />
    </div>
  );
}
