import { FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { ErrorMessage } from '@apps/web/src/components/error-message';
import { Loading, Page } from '@apps/web/src/components/page';
import { api } from '@apps/web/src/lib/api';
import type { AuthMethodsDto, DevPersonDto } from '@apps/web/src/lib/api-types';
import { landingPath, returnPath } from '@apps/web/src/lib/landing';
import { useAuth } from '@apps/web/src/lib/session';

/**
 * Masuk. Where the server offers dev-login (DEV_LOGIN=true) a person is picked from a list; elsewhere
 * the bearer token comes from the agency's identity provider (docs/WEB.md) and the page says so.
 */
export function SignInPage() {
  const { t } = useTranslation();
  const [devLogin, setDevLogin] = useState<boolean | null>(null);
  const [error, setError] = useState<unknown>(null);

  // The server decides whether dev-login is offered; the page never guesses from where it runs.
  useEffect(() => {
    let current = true;
    api<AuthMethodsDto>('/api/auth/methods')
      .then((methods) => current && setDevLogin(methods.devLogin))
      .catch((err: unknown) => current && setError(err));
    return () => {
      current = false;
    };
  }, []);

  return (
    <Page title={t('signIn.title')}>
      <ErrorMessage error={error} />
      {devLogin === null && !error ? <Loading /> : null}
      {devLogin === true ? <DevSignIn /> : null}
      {devLogin === false ? (
        <div className="card" data-testid="dev-login-unavailable">
          <p>{t('signIn.unavailable')}</p>
        </div>
      ) : null}
    </Page>
  );
}

/** The people list of dev-login: pick a person, no password (development and tests only). */
function DevSignIn() {
  const { t } = useTranslation();
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [people, setPeople] = useState<DevPersonDto[] | null>(null);
  const [search, setSearch] = useState('');
  const [nip, setNip] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  // The list follows the search box (a name, or the start of a NIP), a moment after typing stops.
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      api<DevPersonDto[]>(`/api/auth/dev-people?q=${encodeURIComponent(search.trim())}`)
        .then((list) => {
          if (!current) return;
          setPeople(list);
          // A NIP typed in full picks that person; otherwise keep the choice while it is still listed.
          const exact = list.find((p) => p.nip === search.trim());
          setNip((chosen) => exact?.nip ?? (list.some((p) => p.nip === chosen) ? chosen : (list[0]?.nip ?? '')));
        })
        .catch((err: unknown) => current && setError(err));
    }, search ? 250 : 0);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [search]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { person, openTasks } = await signIn(nip);
      // Back to the page asked for (a link from a message, a colleague, a new tab), else to the
      // person's own work. Replace Masuk in the history: Back should not lead to it again.
      const back = returnPath(location.state);
      void navigate(back ?? landingPath(person.roles, openTasks), { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p>{t('signIn.intro')}</p>
      <ErrorMessage error={error} />
      <form onSubmit={(e) => void submit(e)} className="card form">
        <label htmlFor="person-search">{t('signIn.search')}</label>
        <input id="person-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} autoComplete="off" />
        <label htmlFor="person">{t('signIn.person')}</label>
        <select id="person" value={nip} onChange={(e) => setNip(e.target.value)} required disabled={!people}>
          {(people ?? []).map((p) => (
            <option key={p.nip} value={p.nip}>
              {p.name} — {p.positionTitle ?? t('signIn.noPost')} ({p.roles.map((r) => t(`roles.${r}`)).join(', ')})
            </option>
          ))}
        </select>
        <button type="submit" className="primary" disabled={busy || !nip}>
          {t('signIn.submit')}
        </button>
      </form>
      <p className="muted small">{t('signIn.production')}</p>
    </>
  );
}
