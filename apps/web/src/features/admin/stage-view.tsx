import { useTranslation } from 'react-i18next';
import type { ApproverSelectorDto, StageDefinitionDto } from '@apps/web/src/lib/api-types';
import { formatIsoDuration, numberLocale } from '@apps/web/src/lib/format';

type TimeoutPolicy = NonNullable<StageDefinitionDto['onTimeout']>;

/** One stage of a chain template in words: who approves, how, its SLA, reminders, timeout and condition. */
export function StageView({ stage, index, titles }: { stage: StageDefinitionDto; index: number; titles: Map<string, string> }) {
  const { t, i18n } = useTranslation('admin');
  const post = (id: string) => titles.get(id) ?? id;
  const approver = (a: ApproverSelectorDto) => {
    switch (a.kind) {
      case 'position':
        return t('stage.approver.position', { post: post(a.positionId ?? '') });
      case 'positions':
        return t('stage.approver.positions', { posts: (a.positionIds ?? []).map(post).join(', ') });
      default:
        return t(`stage.approver.${a.kind}`);
    }
  };
  const mode = stage.mode.startsWith('quorum:') ? t('stage.mode.quorum', { k: stage.mode.slice(7) }) : t(`stage.mode.${stage.mode}`, { defaultValue: stage.mode });
  // A stage without a policy escalates to the superior post (the API's default).
  const timeout: Partial<TimeoutPolicy> & Pick<TimeoutPolicy, 'action'> = stage.onTimeout ?? { action: 'escalate-superior' };
  const timeoutText = [
    t(`stage.timeout.${timeout.action}`, { post: timeout.positionId ? post(timeout.positionId) : '', defaultValue: timeout.action }),
    timeout.after ? t('stage.timeout.after', { duration: formatIsoDuration(timeout.after, t) }) : '',
    timeout.action.startsWith('escalate') ? t('stage.timeout.max', { count: timeout.maxEscalations ?? 2 }) : '',
  ]
    .filter(Boolean)
    .join('; ');
  const condition = () => {
    const c = stage.condition;
    if (!c) return t('stage.condition.always');
    if (c.field === 'budgetEstimate') return t('stage.condition.budget', { amount: new Intl.NumberFormat(numberLocale(i18n.language)).format(Number(c.value)) });
    if (c.field === 'category') return t('stage.condition.category', { categories: Array.isArray(c.value) ? c.value.join(', ') : String(c.value) });
    return t(c.value ? 'stage.condition.crossAgency' : 'stage.condition.notCrossAgency');
  };
  return (
    <>
      <h3>
        {t('stage.heading', { n: index + 1 })} {stage.name}
      </h3>
      <dl className="facts">
        <div>
          <dt>{t('stage.approvers')}</dt>
          <dd>
            <ul className="plain">
              {stage.approvers.map((a, i) => (
                <li key={i}>{approver(a)}</li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt>{t('stage.modeLabel')}</dt>
          <dd>{mode}</dd>
        </div>
        <div>
          <dt>{t('stage.sla')}</dt>
          <dd>{stage.sla ? formatIsoDuration(stage.sla, t) : t('stage.noSla')}</dd>
        </div>
        <div>
          <dt>{t('stage.reminders')}</dt>
          <dd>{stage.reminders?.length ? stage.reminders.map((r) => t('stage.reminderAfter', { duration: formatIsoDuration(r, t) })).join(', ') : t('stage.noReminders')}</dd>
        </div>
        <div>
          <dt>{t('stage.onTimeout')}</dt>
          <dd>{stage.sla ? timeoutText : t('stage.noTimeout')}</dd>
        </div>
        <div>
          <dt>{t('stage.conditionLabel')}</dt>
          <dd>{condition()}</dd>
        </div>
        <div>
          <dt>{t('stage.mayReturn')}</dt>
          <dd>{t(stage.mayReturn ? 'yes' : 'no')}</dd>
        </div>
        <div>
          <dt>{t('stage.requiresDefinitive')}</dt>
          <dd>{t(stage.requiresDefinitive ? 'yes' : 'no')}</dd>
        </div>
      </dl>
    </>
  );
}
