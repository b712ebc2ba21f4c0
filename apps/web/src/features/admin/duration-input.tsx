import { useTranslation } from 'react-i18next';
import { formatIsoDuration } from '@apps/web/src/lib/format';
import { DurationFields, EMPTY_DURATION } from './duration-fields';

/**
 * A duration as two whole numbers, days and hours, in a group named by `legend`. A duration the two
 * inputs cannot show (minutes, seconds, or not a duration at all) is shown as written, with a way to
 * replace it by days and hours.
 */
export function DurationInput({
  id,
  legend,
  hint,
  value,
  onChange,
  error,
}: {
  id: string;
  legend: string;
  hint?: string;
  value: DurationFields;
  onChange: (value: DurationFields) => void;
  error: string | null;
}) {
  const { t } = useTranslation('admin');
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const described = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const invalid = error ? true : undefined;
  return (
    <fieldset className="duration-input" aria-describedby={described}>
      <legend>{legend}</legend>
      {value.raw !== null ? (
        <p className="small">
          {t('editor.asWritten', { duration: formatIsoDuration(value.raw, t), raw: value.raw })}{' '}
          <button type="button" className="link-button" onClick={() => onChange(EMPTY_DURATION)}>
            {t('editor.useDaysHours')}
          </button>
        </p>
      ) : (
        <div className="duration-fields">
          <div>
            <label htmlFor={`${id}-days`}>{t('editor.days')}</label>
            <input
              id={`${id}-days`}
              inputMode="numeric"
              autoComplete="off"
              value={value.days}
              onChange={(e) => onChange({ ...value, days: e.target.value })}
              aria-invalid={invalid}
              aria-describedby={described}
            />
          </div>
          <div>
            <label htmlFor={`${id}-hours`}>{t('editor.hours')}</label>
            <input
              id={`${id}-hours`}
              inputMode="numeric"
              autoComplete="off"
              value={value.hours}
              onChange={(e) => onChange({ ...value, hours: e.target.value })}
              aria-invalid={invalid}
              aria-describedby={described}
            />
          </div>
        </div>
      )}
      {hint ? (
        <p id={hintId} className="muted small">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
