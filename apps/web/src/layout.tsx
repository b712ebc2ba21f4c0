import { NavLink, Outlet, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AREAS } from './areas';
import { Language, setLanguage } from './lib/i18n';
import { useAuth } from './lib/session';

/** Header with the main navigation, the language toggle and who is signed in; the page below. */
export function Layout() {
  const { t, i18n } = useTranslation();
  const { user, signOut, openTasks } = useAuth();
  const navigate = useNavigate();
  const other: Language = i18n.language === 'en' ? 'id' : 'en';
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="app-header">
        <div className="brand">
          Estafet
        </div>
        {user ? (
          <nav aria-label={t('nav.label')}>
            <ul>
              {AREAS.flatMap((a) => a.nav)
                .filter((n) => !n.role || user.roles.includes(n.role) || (n.count === 'openTasks' && (openTasks ?? 0) > 0))
                .map((n) => (
                  <li key={n.to}>
                    <NavLink to={n.to} end={n.end}>
                      {t(n.label, { ns: n.namespace })}
                      {n.count === 'openTasks' && typeof openTasks === 'number' && openTasks > 0 ? (
                        <>
                          <span className="nav-count" aria-hidden="true" data-testid="open-task-count">
                            {openTasks}
                          </span>
                          <span className="visually-hidden">{t('nav.openTasks', { count: openTasks })}</span>
                        </>
                      ) : null}
                    </NavLink>
                  </li>
                ))}
            </ul>
          </nav>
        ) : null}
        <div className="header-tools">
          <button type="button" className="link-button" lang={other} onClick={() => setLanguage(other)} aria-label={t('nav.switchLanguage')}>
            {t('nav.otherLanguage')}
          </button>
          {user ? (
            <>
              <span className="who" data-testid="signed-in-as">{user.name}</span>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  signOut();
                  void navigate('/masuk');
                }}
              >
                {t('nav.signOut')}
              </button>
            </>
          ) : null}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
