import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { Page } from '@apps/web/src/components/page';
import { useAuth } from '@apps/web/src/lib/session';

/** Administrators only: anyone else who opens an admin address is told so, and sees nothing of it. */
export function AdminOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation('admin');
  const { user } = useAuth();
  if (!user?.roles.includes('admin')) {
    return (
      <Page title={t('forbidden.title')}>
        <div className="alert alert-error" role="alert">
          <p>{t('forbidden.message')}</p>
        </div>
      </Page>
    );
  }
  return children;
}

/** The admin pages' own menu, under the main one. */
export function AdminNav() {
  const { t } = useTranslation('admin');
  const links = [
    ['/admin', 'subnav.overview'],
    ['/admin/tugas', 'subnav.tasks'],
    ['/admin/statistik', 'subnav.statistics'],
    ['/admin/organisasi', 'subnav.organization'],
    ['/admin/templat', 'subnav.templates'],
  ] as const;
  return (
    <nav className="admin-subnav" aria-label={t('subnav.label')}>
      <ul>
        {links.map(([to, label]) => (
          <li key={to}>
            {/* The overview is /admin itself: it is the current page only there, not under every admin page. */}
            <NavLink to={to} end={to === '/admin'}>
              {t(label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
