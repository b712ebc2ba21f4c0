import { useTranslation } from 'react-i18next';
import type { ProposalView, UnitView } from '@apps/web/src/lib/api-types';
import { useMoney } from '@apps/web/src/lib/format';
import { categoryLabelKey, humanizeSlug } from '../form/proposal-form';
import { NS } from '../proposal-values';

/** Isi usulan: what the proposer wrote, field by field. */
export function Contents({ proposal: p, units }: { proposal: ProposalView; units: UnitView[] | null }) {
  const { t } = useTranslation(NS);
  const money = useMoney();
  const unitName = (id: string) => units?.find((u) => u.id === id)?.name ?? id;
  const none = <span className="muted">{t('detail.notGiven')}</span>;
  const textOr = (value: string) => (value.trim() ? <p className="prose">{value}</p> : none);
  // A title-only draft leaves the choices empty: say so rather than show nothing.
  const choice = (group: 'type' | 'form' | 'initiatorKind', value: string) => (value ? t(`values.${group}.${value}`, { defaultValue: value }) : none);
  return (
    <section aria-labelledby="contents-title">
      <h2 id="contents-title">{t('detail.contents')}</h2>
      <div className="card">
        <dl className="content-list">
          <dt>{t('fields.problem')}</dt>
          <dd>{textOr(p.problem)}</dd>
          <dt>{t('fields.proposedChange')}</dt>
          <dd>{textOr(p.proposedChange)}</dd>
          <dt>{t('fields.goals')}</dt>
          <dd>{textOr(p.goals)}</dd>
          <dt>{t('fields.benefits')}</dt>
          <dd>{textOr(p.benefits)}</dd>
          <dt>{t('detail.classification')}</dt>
          <dd>
            <ul className="plain">
              <li>
                {t('fields.category')}: {p.category ? t(categoryLabelKey(p.category), { defaultValue: humanizeSlug(p.category) }) : none}
              </li>
              <li>
                {t('fields.type')}: {choice('type', p.type)}
              </li>
              <li>
                {t('fields.form')}: {choice('form', p.form)}
              </li>
              <li>
                {t('fields.initiatorKind')}: {choice('initiatorKind', p.initiatorKind)}
              </li>
            </ul>
          </dd>
          <dt>{t('fields.budgetEstimate')}</dt>
          <dd>{p.budgetEstimate === null ? none : money(p.budgetEstimate)}</dd>
          <dt>{t('fields.pilotPlan')}</dt>
          <dd>{p.pilotPlan ? <p className="prose">{t('detail.pilot', { months: p.pilotPlan.durationMonths, scope: p.pilotPlan.scope })}</p> : none}</dd>
          <dt>{t('fields.risks')}</dt>
          <dd>{textOr(p.risks)}</dd>
          <dt>{t('fields.indicators')}</dt>
          <dd>
            {p.indicators.length === 0 ? (
              none
            ) : (
              <div className="table-wrap">
                <table className="responsive">
                  <thead>
                    <tr>
                      <th scope="col">{t('fields.indicatorName')}</th>
                      <th scope="col">{t('fields.baseline')}</th>
                      <th scope="col">{t('fields.target')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.indicators.map((row, i) => (
                      <tr key={`${i}-${row.name}`}>
                        <td data-label={t('fields.indicatorName')}>{row.name}</td>
                        <td data-label={t('fields.baseline')}>{row.baseline}</td>
                        <td data-label={t('fields.target')}>{row.target}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </dd>
          <dt>{t('fields.collaboratingUnits')}</dt>
          <dd>
            {p.collaboratingUnitIds.length === 0 ? (
              none
            ) : (
              <ul className="plain">
                {p.collaboratingUnitIds.map((id) => (
                  <li key={id}>{unitName(id)}</li>
                ))}
              </ul>
            )}
          </dd>
          <dt>{t('fields.attachments')}</dt>
          <dd>
            {p.attachments.length === 0 ? (
              none
            ) : (
              <ul className="plain">
                {p.attachments.map((a, i) => (
                  <li key={`${i}-${a.url}`}>
                    {/^https?:\/\//i.test(a.url) ? (
                      <a href={a.url} target="_blank" rel="noopener noreferrer">
                        {a.name}
                      </a>
                    ) : (
                      <span>
                        {a.name} ({a.url})
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
      </div>
    </section>
  );
}
