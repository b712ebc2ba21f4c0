import { useTranslation } from 'react-i18next';
import type { ChainStageView, CustodyEntryView, ProposalView } from '@apps/web/src/lib/api-types';
import { formatIsoDuration, useMoney } from '@apps/web/src/lib/format';
import { NS } from '../proposal-values';
import { StageTask } from './stage-task';

/** Tahapan: the chain stage by stage, with where each stands (as the API says) and its tasks round by round. */
export function Stages({ proposal: p, custody }: { proposal: ProposalView; custody: Map<string, CustodyEntryView> }) {
  const { t } = useTranslation(NS);
  const duration = (iso: string) => formatIsoDuration(iso, t);
  const money = useMoney();
  // What the template says of each stage; a proposal without one (should not happen) has only names.
  const definitions = new Map((p.chain?.stages ?? []).map((stage) => [stage.index, stage]));

  const modeText = (mode: string) => {
    if (mode === 'any' || mode === 'all') return t(`stages.mode.${mode}`);
    const quorum = /^quorum:(\d+)$/.exec(mode);
    return quorum ? t('stages.mode.quorum', { k: Number(quorum[1]) }) : mode;
  };
  const conditionText = (c: NonNullable<ChainStageView['condition']>) => {
    if (c.field === 'budgetEstimate' && typeof c.value === 'number') return t('stages.condition.budget', { value: money(c.value) });
    if (c.field === 'category' && Array.isArray(c.value)) return t('stages.condition.category', { value: c.value.join(', ') });
    if (c.field === 'crossAgency') return t(c.value === true ? 'stages.condition.crossAgency' : 'stages.condition.singleAgency');
    return null;
  };

  return (
    <section aria-labelledby="stages-title">
      <h2 id="stages-title">{t('stages.title')}</h2>
      {p.stages.length === 0 ? <p className="muted">{t('stages.none')}</p> : null}
      <ol className="stages">
        {p.stages.map(({ stageIndex: index, name, state }) => {
          const definition = definitions.get(index);
          const tasks = p.tasks.filter((task) => task.stageIndex === index);
          const rounds = [...new Set(tasks.map((task) => task.round))].sort((a, b) => a - b);
          return (
            <li key={index} className={`stage stage-${state}`} data-testid={`stage-${index}`}>
              <div className="stage-head">
                <span className="stage-number" aria-hidden="true">
                  {index + 1}
                </span>
                <div className="stage-title">
                  <h3>
                    <span className="visually-hidden">{t('stages.stageN', { n: index + 1 })}: </span>
                    {name}
                  </h3>
                  <p className="stage-meta">
                    {[
                      definition?.mode ? modeText(definition.mode) : null,
                      definition?.sla ? t('stages.sla', { duration: duration(definition.sla) }) : null,
                      definition?.requiresDefinitive ? t('stages.requiresDefinitive') : null,
                      definition?.mayReturn ? t('stages.mayReturn') : null,
                      definition?.condition ? conditionText(definition.condition) : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                </div>
                <span className={`badge stage-state stage-state-${state}`}>{t(`stages.state.${state}`)}</span>
              </div>
              {tasks.length > 0 ? (
                rounds.map((round) => (
                  <div key={round} className="stage-round">
                    {rounds.length > 1 || round > 1 ? <p className="round-label">{t('stages.roundN', { n: round })}</p> : null}
                    <ul className="tasks">
                      {tasks
                        .filter((task) => task.round === round)
                        .map((task) => (
                          <StageTask key={task.id} task={task} entry={custody.get(task.id)} previous={custody.get(custody.get(task.id)?.previousTaskId ?? '')} />
                        ))}
                    </ul>
                  </div>
                ))
              ) : state === 'pending' ? (
                <p className="muted small">{t('stages.notYet')}</p>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
