import { useTranslation } from 'react-i18next';
import { DecisionForm } from '@apps/web/src/components/decision-form';
import { CapacityLabel } from '@apps/web/src/components/labels';
import type { CustodyEntryView, Decision, InboxTaskView, ProposalView } from '@apps/web/src/lib/api-types';
import { Due, isOverdue } from '../holder';
import { NS } from '../proposal-values';
import { decisionOutcome, DecisionOutcome, StageFacts } from './decision-outcome';

/**
 * Keputusan Anda: the open tasks the signed-in person holds on this proposal (usually one), each with
 * the stage and post it is for, and the decision, asked once more with what will follow.
 */
export function DecisionPanel({
  proposal: p,
  tasks,
  facts,
  custody,
  onDecided,
}: {
  proposal: ProposalView;
  tasks: InboxTaskView[];
  facts: StageFacts;
  custody: Map<string, CustodyEntryView>;
  onDecided: (task: InboxTaskView, decision: Decision) => void;
}) {
  const { t } = useTranslation(NS);
  const outcomeText = (o: DecisionOutcome): string => {
    switch (o.kind) {
      case 'next':
        return t(o.conditional ? 'decide.outcome.nextConditional' : 'decide.outcome.next', { stage: o.stage });
      case 'waits':
        return t('decide.outcome.waits', { count: o.remaining });
      default:
        return t(`decide.outcome.${o.kind}`);
    }
  };
  return (
    <section aria-labelledby="decision-title" id="keputusan" className="decision-panel">
      <h2 id="decision-title" tabIndex={-1}>
        {t('decide.title')}
      </h2>
      {tasks.map((task) => {
        const stage = p.chain?.stages.find((s) => s.index === task.stageIndex);
        return (
          <div key={task.id} className="card" data-task-id={task.id}>
            <p className="decision-context">
              {t('decide.context', { stage: task.stageName, round: task.round, post: task.positionTitle })}
              {task.capacity && task.capacity !== 'definitif' ? (
                <>
                  {' · '}
                  <CapacityLabel capacity={task.capacity} onBehalfOf={custody.get(task.id)?.onBehalfOf?.name ?? t('holder.someone')} />
                </>
              ) : null}
              {task.dueAt ? (
                <>
                  {' · '}
                  {t('list.col.due')}: <Due at={task.dueAt} overdue={isOverdue(task.dueAt)} />
                </>
              ) : null}
            </p>
            <DecisionForm
              task={task}
              mayReturn={stage ? stage.mayReturn : true}
              outcome={(decision) => outcomeText(decisionOutcome({ decision, task, chain: p.chain?.stages ?? null, tasks: p.tasks, facts }))}
              onDecided={(decision) => onDecided(task, decision)}
            />
          </div>
        );
      })}
    </section>
  );
}
