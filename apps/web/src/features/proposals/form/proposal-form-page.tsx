import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '@apps/web/src/components/error-message';
import { StatusBadge } from '@apps/web/src/components/labels';
import { Loading, Page } from '@apps/web/src/components/page';
import type { CategoryListView, UnitListView } from '@apps/web/src/lib/api-types';
import { useAuth } from '@apps/web/src/lib/session';
import { useApi } from '@apps/web/src/lib/use-api';
import { EDITABLE_STATUSES, NS } from '../proposal-values';
import { AttachmentsSection } from './attachments-section';
import { CategorySection } from './category-section';
import { ClassificationSection } from './classification-section';
import { ErrorSummary } from './error-summary';
import { IdeaSection } from './idea-section';
import { IndicatorsSection } from './indicators-section';
import { PlanSection } from './plan-section';
import { entersSubmit } from './proposal-form';
import { ResubmitSection } from './resubmit-section';
import { UnitsSection } from './units-section';
import { UnsavedDialog } from './unsaved-dialog';
import { useProposalForm } from './use-proposal-form';
import { useProposalSubmit } from './use-proposal-submit';

/** Usulan Baru. */
export function NewProposalPage() {
  return <ProposalFormPage />;
}

/** Ubah usulan: a draft, or a proposal returned for revision (then Ajukan Ulang). */
export function EditProposalPage() {
  const { id } = useParams();
  return <ProposalFormPage key={id} id={id} />;
}

function ProposalFormPage({ id }: { id?: string }) {
  const { t } = useTranslation(NS);
  const { user } = useAuth();
  const f = useProposalForm(id);
  const { act, busy, error, notice, blocker } = useProposalSubmit(f);
  const units = useApi<UnitListView>('/api/units');
  const categories = useApi<CategoryListView>('/api/categories');
  const { stored, errors } = f;
  const lastReturn = useMemo(
    () => (stored?.tasks ?? []).filter((task) => task.decision === 'return').sort((a, b) => (b.decidedAt ?? '').localeCompare(a.decidedAt ?? ''))[0],
    [stored],
  );

  if (id && f.loadError) {
    return (
      <Page title={t('form.titleEdit')}>
        <ErrorMessage error={f.loadError} ns="proposals" />
        <Link to="/usulan">{t('form.backToList')}</Link>
      </Page>
    );
  }
  if (id && !stored) {
    return (
      <Page title={t('form.titleEdit')}>
        <Loading />
      </Page>
    );
  }
  if (stored && (stored.proposerId !== user?.id || !EDITABLE_STATUSES.includes(stored.status))) {
    const mine = stored.proposerId === user?.id;
    return (
      <Page title={t('form.titleEdit')}>
        <div className="card" role="status">
          {mine ? (
            <p>
              {t('form.notEditable')} <StatusBadge status={stored.status} />
            </p>
          ) : (
            <p>{t('refusals.NOT_PROPOSER')}</p>
          )}
          <Link to={`/usulan/${stored.id}`}>{t('form.backToDetail')}</Link>
        </div>
      </Page>
    );
  }

  const returned = stored?.status === 'returned';
  return (
    <Page title={stored ? t('form.titleEdit') : t('form.titleNew')}>
      {stored ? (
        <p className="form-context">
          <span className="proposal-title">{stored.title}</span> <StatusBadge status={stored.status} />
        </p>
      ) : null}
      {returned && lastReturn ? (
        <div className="alert alert-warn">
          <p>{t('form.returnedNotice')}</p>
          {lastReturn.comment ? (
            <p>
              {t('form.returnedBy', { name: lastReturn.decidedByName ?? lastReturn.assigneeName ?? '', stage: lastReturn.stageName })}{' '}
              <q>{lastReturn.comment}</q>
            </p>
          ) : null}
        </div>
      ) : null}
      {notice ? (
        <p className="alert alert-ok" role="status">
          {t(`flash.${notice}`)}
        </p>
      ) : null}
      {Object.keys(errors).length > 0 ? <ErrorSummary errors={errors} /> : error ? <ErrorMessage error={error} ns="proposals" /> : null}
      <p className="muted small">{t(returned ? 'form.requiredNoteReturned' : 'form.requiredNote')}</p>
      <form
        className="proposal-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void act('save');
        }}
        onKeyDown={(e) => {
          // Enter in a one-line field would save the whole form half-typed; only the buttons send it.
          if (e.key === 'Enter' && e.target instanceof HTMLElement && entersSubmit(e.target as { tagName: string; type?: string })) e.preventDefault();
        }}
      >
        <IdeaSection f={f} />
        <CategorySection f={f} categories={categories.data?.items ?? null} error={categories.error} />
        <ClassificationSection f={f} />
        <PlanSection f={f} />
        <IndicatorsSection f={f} />
        <UnitsSection f={f} units={units.data?.items ?? null} unitsError={units.error} />
        <AttachmentsSection f={f} />
        {returned ? <ResubmitSection f={f} /> : null}
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {returned ? t('form.saveChanges') : t('form.saveDraft')}
          </button>
          <button type="button" className="primary" disabled={busy} onClick={() => void act('submit')}>
            {returned ? t('form.resubmit') : t('form.submit')}
          </button>
          <Link to={stored ? `/usulan/${stored.id}` : '/usulan'} className="cancel-link">
            {t('form.cancel')}
          </Link>
          {busy ? (
            <span className="muted" role="status">
              {t('form.saving')}
            </span>
          ) : null}
        </div>
      </form>
      <UnsavedDialog blocker={blocker} />
    </Page>
  );
}
