import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '@apps/web/src/components/error-message';
import { Loading, Page } from '@apps/web/src/components/page';
import { api } from '@apps/web/src/lib/api';
import type { DelegationPageView, DelegationView, PersonDetailView } from '@apps/web/src/lib/api-types';
import { useAuth } from '@apps/web/src/lib/session';
import { useApi } from '@apps/web/src/lib/use-api';
import { DelegationForm } from './delegation-form';
import { DelegationTable } from './delegation-table';

/**
 * Pelimpahan: while I am away, someone else decides the tasks of a post I act for. Lists what I
 * delegated (with Cabut) and what was delegated to me.
 */
export function DelegationsPage() {
  const { t } = useTranslation('tasks');
  const { user } = useAuth();
  const me = useApi<PersonDetailView>(user ? `/api/people/${user.id}` : null);
  const given = useApi<DelegationPageView>('/api/delegations?role=given&pageSize=100');
  const received = useApi<DelegationPageView>('/api/delegations?role=received&pageSize=100');
  const [notice, setNotice] = useState('');
  const [revokeError, setRevokeError] = useState<unknown>(null);

  const revoke = async (d: DelegationView) => {
    setRevokeError(null);
    try {
      await api(`/api/delegations/${d.id}/revoke`, { method: 'POST', body: {} });
      setNotice(t('delegations.revoked', { name: d.delegateName, post: d.positionTitle }));
      given.reload();
    } catch (err) {
      setRevokeError(err);
    }
  };

  return (
    <Page
      title={t('delegations.title')}
      actions={
        <Link to="/tugas" className="button-link">
          {t('delegations.toTasks')}
        </Link>
      }
    >
      <p>{t('delegations.intro')}</p>
      <p role="status" className={notice ? 'alert alert-ok' : 'visually-hidden'}>
        {notice}
      </p>
      <ErrorMessage error={me.error} ns="tasks" onRetry={me.reload} />
      {me.loading ? <Loading /> : null}
      {me.data ? (
        me.data.activeAppointments.length === 0 ? (
          <p className="empty">{t('delegations.noPost')}</p>
        ) : (
          <DelegationForm
            posts={me.data.activeAppointments}
            myId={user?.id ?? ''}
            onSaved={(message) => {
              setNotice(message);
              given.reload();
            }}
          />
        )
      ) : null}

      <h2>{t('delegations.given')}</h2>
      <ErrorMessage error={given.error ?? revokeError} ns="tasks" onRetry={given.error ? given.reload : undefined} />
      {given.data ? <DelegationTable items={given.data.items} other="delegate" onRevoke={(d) => void revoke(d)} caption={t('delegations.given')} /> : null}

      <h2>{t('delegations.received')}</h2>
      <ErrorMessage error={received.error} ns="tasks" onRetry={received.reload} />
      {received.data ? <DelegationTable items={received.data.items} other="delegator" caption={t('delegations.received')} /> : null}
    </Page>
  );
}
