import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NS } from '../proposal-values';
import { useMessageText } from '../use-message-text';
import { FieldErrors, fieldId } from './proposal-form';

/** The label keys (fields.*) of the inputs of indicator and attachment rows. */
const ROW_FIELD_LABELS: Record<string, string> = {
  'indicators.name': 'indicatorName',
  'indicators.baseline': 'baseline',
  'indicators.target': 'target',
  'attachments.name': 'attachmentName',
  'attachments.url': 'attachmentUrl',
};

/** The label keys (fields.*) of the paths that are not an input of their own name. */
const PATH_LABELS: Record<string, string> = {
  'pilotPlan.durationMonths': 'pilotDuration',
  'pilotPlan.scope': 'pilotScope',
  pilotPlan: 'pilotPlan',
  note: 'resubmitNote',
  indicators: 'indicators',
  attachments: 'attachments',
  collaboratingUnitIds: 'collaboratingUnits',
};

/**
 * Every message of the form above it, each a link to its field; it takes the focus whenever the
 * messages change, so a screen reader reads them at once.
 */
export function ErrorSummary({ errors }: { errors: FieldErrors }) {
  const { t } = useTranslation(NS);
  const messageText = useMessageText();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [errors]);

  /** The label of a field path, e.g. "Indikator 2: Target". */
  const labelOf = (path: string): string => {
    const row = /^(indicators|attachments)\.(\d+)(?:\.(\w+))?$/.exec(path);
    if (row) {
      const n = Number(row[2]) + 1;
      const rowLabel = row[1] === 'indicators' ? t('form.indicatorN', { n }) : t('form.attachmentN', { n });
      const part = row[3] ? ROW_FIELD_LABELS[`${row[1]}.${row[3]}`] : undefined;
      return part ? `${rowLabel}: ${t(`fields.${part}`)}` : rowLabel;
    }
    return t(`fields.${PATH_LABELS[path] ?? path}`, { defaultValue: path });
  };

  return (
    <div className="alert alert-error" role="alert" tabIndex={-1} ref={ref} data-testid="error-summary">
      <p>{t('errors.VALIDATION_FAILED', { ns: 'common' })}</p>
      <ul>
        {Object.keys(errors).map((path) => (
          <li key={path}>
            <a
              href={`#${fieldId(path)}`}
              onClick={(e) => {
                e.preventDefault();
                document.getElementById(fieldId(path))?.focus();
              }}
            >
              {labelOf(path)}: {errors[path]!.map(messageText).join(' ')}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
