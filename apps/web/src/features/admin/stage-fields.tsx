import { useTranslation } from 'react-i18next';
import { FieldProblem, MODES, Mode, renameStage, StageForm, TIMEOUT_ACTIONS, TimeoutAction } from './chain-form';
import { placeOf } from './chain-messages';
import { ApproverFields, postName } from './approver-fields';
import { DurationInput } from './duration-input';
import type { PostChoice } from './post-search';
import { PostSearch } from './post-search';

type StageField = 'key' | 'name' | 'approvers' | 'mode' | 'sla' | 'timeout' | 'other';

/** The messages of one field of the stage, joined as the reader sees them; null when there are none. */
function messagesOf(problems: FieldProblem[], say: (p: FieldProblem) => string, field: StageField, approver?: number): string[] {
  return problems
    .filter((p) => {
      const place = placeOf(p.path);
      if (place.at !== 'stage' || place.field !== field) return false;
      return field !== 'approvers' || place.approver === approver;
    })
    .map(say);
}

function FieldMessage({ id, messages }: { id: string; messages: string[] }) {
  return messages.length ? (
    <p id={id} className="field-error" role="alert">
      {messages.join(' ')}
    </p>
  ) : null;
}

/** The attributes that tie an input to its messages. */
const invalidProps = (id: string, messages: string[], hintId?: string) => ({
  'aria-invalid': messages.length ? true : undefined,
  'aria-describedby': [hintId, messages.length ? id : null].filter(Boolean).join(' ') || undefined,
});

/**
 * One stage of the chain in the form: its name and key, who approves and how, Batas Waktu in days and
 * hours, what happens when it passes, and its two rules; the API's messages next to each field.
 */
export function StageFields({
  stage,
  index,
  count,
  titles,
  problems,
  say,
  onChange,
  onMove,
  onRemove,
  onPicked,
}: {
  stage: StageForm;
  index: number;
  count: number;
  titles: Map<string, string>;
  problems: FieldProblem[];
  say: (p: FieldProblem) => string;
  onChange: (stage: StageForm) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
  onPicked: (post: PostChoice) => void;
}) {
  const { t } = useTranslation('admin');
  const n = index + 1;
  const id = `stage-${stage.uid}`;
  const msg = (field: StageField) => messagesOf(problems, say, field);
  const [keyMessages, nameMessages, modeMessages, slaMessages, timeoutMessages, otherMessages] = (['key', 'name', 'mode', 'sla', 'timeout', 'other'] as const).map(msg);
  const groupMessages = messagesOf(problems, say, 'approvers', undefined);
  const extras = Object.keys(stage.extra);
  const timeout = stage.timeout;
  const setPolicy = (changes: Partial<StageForm['timeout']>) => onChange({ ...stage, timeout: { ...timeout, ...changes } });

  return (
    <fieldset className="card stage-fields" data-stage-uid={stage.uid}>
      <legend>{t('editor.stageLegend', { n, name: stage.name })}</legend>
      <div className="stage-tools">
        <button type="button" id={`${id}-up`} data-otherwise={`${id}-down`} className="link-button" disabled={index === 0} onClick={() => onMove(index - 1)}>
          {t('editor.moveUp', { n })}
        </button>
        <button type="button" id={`${id}-down`} data-otherwise={`${id}-up`} className="link-button" disabled={index === count - 1} onClick={() => onMove(index + 1)}>
          {t('editor.moveDown', { n })}
        </button>
        <button type="button" className="link-button danger-link" disabled={count === 1} onClick={onRemove}>
          {t('editor.removeStage', { n })}
        </button>
      </div>

      <label htmlFor={`${id}-name`}>{t('editor.stageName')}</label>
      <input id={`${id}-name`} value={stage.name} maxLength={200} onChange={(e) => onChange(renameStage(stage, e.target.value))} {...invalidProps(`${id}-name-error`, nameMessages)} />
      <FieldMessage id={`${id}-name-error`} messages={nameMessages} />

      <label htmlFor={`${id}-key`}>{t('editor.stageKey')}</label>
      <input
        id={`${id}-key`}
        value={stage.key}
        maxLength={64}
        spellCheck={false}
        onChange={(e) => onChange({ ...stage, key: e.target.value, keyAuto: false })}
        {...invalidProps(`${id}-key-error`, keyMessages, `${id}-key-hint`)}
      />
      <p id={`${id}-key-hint`} className="muted small">
        {t('editor.stageKeyHint')}
      </p>
      <FieldMessage id={`${id}-key-error`} messages={keyMessages} />

      <fieldset className="approvers">
        <legend>{t('editor.approvers')}</legend>
        <ol className="plain">
          {stage.approvers.map((a, j) => (
            <ApproverFields
              key={j}
              id={`${id}-approver-${j}`}
              n={j + 1}
              approver={a}
              titles={titles}
              messages={messagesOf(problems, say, 'approvers', j)}
              canRemove={stage.approvers.length > 1}
              onChange={(next) => onChange({ ...stage, approvers: stage.approvers.map((x, k) => (k === j ? next : x)) })}
              onRemove={() => onChange({ ...stage, approvers: stage.approvers.filter((_, k) => k !== j) })}
              onPicked={onPicked}
            />
          ))}
        </ol>
        <FieldMessage id={`${id}-approvers-error`} messages={groupMessages} />
        <button type="button" onClick={() => onChange({ ...stage, approvers: [...stage.approvers, { kind: 'position', posts: [] }] })}>
          {t('editor.addApprover')}
        </button>
      </fieldset>

      <div className="mode-fields">
        <div>
          <label htmlFor={`${id}-mode`}>{t('editor.mode')}</label>
          <select id={`${id}-mode`} value={stage.mode} onChange={(e) => onChange({ ...stage, mode: e.target.value as Mode })} {...invalidProps(`${id}-mode-error`, modeMessages)}>
            {MODES.map((m) => (
              <option key={m} value={m}>
                {t(`editor.modes.${m}`)}
              </option>
            ))}
          </select>
        </div>
        {stage.mode === 'quorum' ? (
          <div>
            <label htmlFor={`${id}-quorum`}>{t('editor.quorum')}</label>
            <input id={`${id}-quorum`} inputMode="numeric" value={stage.quorum} onChange={(e) => onChange({ ...stage, quorum: e.target.value })} {...invalidProps(`${id}-mode-error`, modeMessages)} />
          </div>
        ) : null}
      </div>
      <FieldMessage id={`${id}-mode-error`} messages={modeMessages} />

      <DurationInput id={`${id}-sla`} legend={t('editor.sla')} hint={t('editor.slaHint')} value={stage.sla} onChange={(sla) => onChange({ ...stage, sla })} error={slaMessages.join(' ') || null} />

      <fieldset className="timeout-fields">
        <legend>{t('editor.timeout')}</legend>
        <label htmlFor={`${id}-timeout`}>{t('editor.timeoutAction')}</label>
        <select id={`${id}-timeout`} value={timeout.action} onChange={(e) => setPolicy({ action: e.target.value as TimeoutAction | '' })}>
          <option value="">{t('editor.timeoutDefault')}</option>
          {TIMEOUT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {t(`editor.actions.${a}`)}
            </option>
          ))}
        </select>
        {timeout.action === 'escalate-to' ? (
          timeout.post ? (
            <p className="small">
              {t('editor.timeoutPost')}: <strong>{postName(timeout.post, titles, (code) => t('editor.byCode', { code }))}</strong>{' '}
              <button type="button" className="link-button" onClick={() => setPolicy({ post: null })}>
                {t('editor.changePost')}
              </button>
            </p>
          ) : (
            <PostSearch
              id={`${id}-timeout-post`}
              label={t('editor.timeoutPost')}
              onPick={(post) => {
                onPicked(post);
                setPolicy({ post: { by: 'id', value: post.id } });
              }}
            />
          )
        ) : null}
        {timeout.action ? (
          <DurationInput id={`${id}-grace`} legend={t('editor.grace')} value={timeout.after} onChange={(after) => setPolicy({ after })} error={null} />
        ) : null}
        {timeout.action.startsWith('escalate') ? (
          <>
            <label htmlFor={`${id}-max`}>{t('editor.maxEscalations')}</label>
            <input id={`${id}-max`} inputMode="numeric" value={timeout.maxEscalations} onChange={(e) => setPolicy({ maxEscalations: e.target.value })} {...invalidProps(`${id}-timeout-error`, timeoutMessages)} />
          </>
        ) : null}
        <FieldMessage id={`${id}-timeout-error`} messages={timeoutMessages} />
      </fieldset>

      <div className="check">
        <input id={`${id}-return`} type="checkbox" checked={stage.mayReturn} onChange={(e) => onChange({ ...stage, mayReturn: e.target.checked })} />
        <label htmlFor={`${id}-return`}>{t('editor.mayReturn')}</label>
      </div>
      <div className="check">
        <input id={`${id}-definitive`} type="checkbox" checked={stage.requiresDefinitive} onChange={(e) => onChange({ ...stage, requiresDefinitive: e.target.checked })} />
        <label htmlFor={`${id}-definitive`}>{t('editor.requiresDefinitive')}</label>
      </div>
      {extras.length ? <p className="muted small">{t('editor.kept', { fields: extras.map((k) => t(`editor.keptField.${k}`, { defaultValue: k })).join(', ') })}</p> : null}
      <FieldMessage id={`${id}-other-error`} messages={otherMessages} />
    </fieldset>
  );
}
