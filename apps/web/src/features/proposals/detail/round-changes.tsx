import { ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '@apps/web/src/components/error-message';
import { Loading } from '@apps/web/src/components/page';
import type { AttachmentDto, IndicatorDto, ProposalVersionView, UnitView } from '@apps/web/src/lib/api-types';
import { useMoney } from '@apps/web/src/lib/format';
import { useApi } from '@apps/web/src/lib/use-api';
import { NS } from '../proposal-values';
import { changedFields, ContentField, RoundComparison } from './version-diff';

/** The label of each content field, as the form and Isi Usulan name it. */
const LABELS: Record<ContentField, string> = {
  title: 'fields.title',
  problem: 'fields.problem',
  proposedChange: 'fields.proposedChange',
  goals: 'fields.goals',
  benefits: 'fields.benefits',
  category: 'fields.category',
  type: 'fields.type',
  form: 'fields.form',
  initiatorKind: 'fields.initiatorKind',
  budgetEstimate: 'fields.budgetEstimate',
  pilotPlan: 'fields.pilotPlan',
  risks: 'fields.risks',
  indicators: 'fields.indicators',
  collaboratingUnitIds: 'fields.collaboratingUnits',
  attachments: 'fields.attachments',
};

/**
 * Putaran ke-N: what the proposer wrote when resubmitting, and which fields changed since the round
 * before (old → new), so an approver sees at once whether the return was answered.
 */
export function RoundChanges({ proposalId, comparison, units }: { proposalId: string; comparison: RoundComparison; units: UnitView[] | null }) {
  const { t } = useTranslation(NS);
  const same = comparison.version === comparison.previousVersion;
  const before = useApi<ProposalVersionView>(same ? null : `/api/proposals/${proposalId}/versions/${comparison.previousVersion}`);
  const after = useApi<ProposalVersionView>(same ? null : `/api/proposals/${proposalId}/versions/${comparison.version}`);
  const changes = useMemo(() => (before.data && after.data ? changedFields(before.data.content, after.data.content) : null), [before.data, after.data]);

  return (
    <section aria-labelledby="round-changes-title" className="round-changes" data-testid="round-changes">
      <h2 id="round-changes-title">{t('changes.title', { round: comparison.round })}</h2>
      <div className="card">
        <h3>{t('changes.note')}</h3>
        {comparison.note ? <p className="prose resubmit-note">{comparison.note}</p> : <p className="muted">{t('changes.noNote')}</p>}
        <h3>{t('changes.fields', { from: comparison.previousVersion, to: comparison.version })}</h3>
        <ErrorMessage
          error={before.error ?? after.error}
          ns="proposals"
          onRetry={() => {
            before.reload();
            after.reload();
          }}
        />
        {before.loading || after.loading ? <Loading /> : null}
        {same || changes?.length === 0 ? <p className="muted">{t('changes.none')}</p> : null}
        {changes && changes.length > 0 ? (
          <ul className="changes">
            {changes.map((change) => (
              <li key={change.field} data-field={change.field}>
                <strong>{t(LABELS[change.field])}</strong>
                <dl>
                  <dt>{t('changes.before')}</dt>
                  <dd className="change-before">
                    <FieldValue field={change.field} value={change.before} units={units} />
                  </dd>
                  <dt>{t('changes.after')}</dt>
                  <dd className="change-after">
                    <FieldValue field={change.field} value={change.after} units={units} />
                  </dd>
                </dl>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </section>
  );
}

/** One field's value of a recorded version, as Isi Usulan shows it. */
function FieldValue({ field, value, units }: { field: ContentField; value: unknown; units: UnitView[] | null }): ReactNode {
  const { t } = useTranslation(NS);
  const money = useMoney();
  if (value === null || (Array.isArray(value) && value.length === 0)) return <span className="muted">{t('detail.notGiven')}</span>;
  switch (field) {
    case 'type':
    case 'form':
    case 'initiatorKind':
      return t(`values.${field}.${String(value)}`, { defaultValue: String(value) });
    case 'budgetEstimate':
      return typeof value === 'number' ? money(value) : String(value);
    case 'pilotPlan': {
      const plan = value as { durationMonths?: unknown; scope?: unknown };
      return t('detail.pilot', { months: plan.durationMonths, scope: plan.scope });
    }
    case 'indicators':
      return (
        <ul className="plain">
          {(value as IndicatorDto[]).map((row, i) => (
            <li key={i}>{t('changes.indicator', { name: row.name, baseline: row.baseline, target: row.target })}</li>
          ))}
        </ul>
      );
    case 'collaboratingUnitIds':
      return (
        <ul className="plain">
          {(value as string[]).map((id) => (
            <li key={id}>{units?.find((u) => u.id === id)?.name ?? id}</li>
          ))}
        </ul>
      );
    case 'attachments':
      return (
        <ul className="plain">
          {(value as AttachmentDto[]).map((a, i) => (
            <li key={i}>
              {a.name} ({a.url})
            </li>
          ))}
        </ul>
      );
    default:
      return <span className="prose">{typeof value === 'string' ? value : JSON.stringify(value)}</span>;
  }
}
