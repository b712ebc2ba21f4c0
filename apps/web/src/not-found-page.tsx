import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Page } from './components/page';

/** An address the app does not know (a mistyped or outdated link): say so, and offer the way home. */
export function NotFoundPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <Page title={t('notFound.title')}>
      <div className="card" data-testid="not-found">
        <p>{t('notFound.body')}</p>
        <p className="muted small">
          <code>{pathname}</code>
        </p>
        <p>
          <Link to="/" className="button-link primary">
            {t('notFound.home')}
          </Link>
        </p>
      </div>
    </Page>
  );
}
