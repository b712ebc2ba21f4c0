import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChainStageView, CustodyEntryView, HistoryEventView, ProposalView } from '@apps/web/src/lib/api-types';
import { formatIsoDuration, useMoney } from '@apps/web/src/lib/format';
import { NS } from '../proposal-values';
import { StageTask } from './stage-task';
import { stageStates } from './stage-states';

/** Tahapan: the chain stage by stage, with where each stands and its tasks round by round. */
export function Stages({ proposal: p, history, custody }: { proposal: ProposalView; history: HistoryEventView[] | null; custody: Map<string, CustodyEntryView> }) {
  const { t } = useTranslation(NS);
  const duration = (iso: string) => formatIsoDuration(iso, t);
  const money = useMoney();
  const states = useMemo(() => stageStates(p, history), [p, history]);
  // The template's stages; a proposal without one (should not happen) shows the stages its tasks name.
  const stages: ChainStageView[] =
    p.chain?.stages ??
    [...new Map(p.tasks.map((task) => [task.stageIndex, task.stageName])).entries()]
      .sort(([a], [b]) => a - b)
      .map(([index, name]) => ({ index, key: String(index), name, mode: '', sla: null, approverCount: 0, mayReturn: false, requiresDefinitive: false, condition: null }));

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
      {stages.length === 0 ? <p className="muted">{t('stages.none')}</p> : null}
      <ol className="stages">
        {stages.map((stage) => {
          const state = states.get(stage.index) ?? 'pending';
          const tasks = p.tasks.filter((task) => task.stageIndex === stage.index);
          const rounds = [...new Set(tasks.map((task) => task.round))].sort((a, b) => a - b);
          return (
            <li key={stage.index} className={`stage stage-${state}`} data-testid={`stage-${stage.index}`}>
              <div className="stage-head">
                <span className="stage-number" aria-hidden="true">
                  {stage.index + 1}
                </span>
                <div className="stage-title">
                  <h3>
                    <span className="visually-hidden">{t('stages.stageN', { n: stage.index + 1 })}: </span>
                    {stage.name}
                  </h3>
                  <p className="stage-meta">
                    {[
                      stage.mode ? modeText(stage.mode) : null,
                      stage.sla ? t('stages.sla', { duration: duration(stage.sla) }) : null,
                      stage.requiresDefinitive ? t('stages.requiresDefinitive') : null,
                      stage.mayReturn ? t('stages.mayReturn') : null,
                      stage.condition ? conditionText(stage.condition) : null,
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
