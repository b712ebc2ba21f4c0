import { useTranslation } from 'react-i18next';
import { NS } from '../proposal-values';
import { useMessageText } from '../use-message-text';
import { fieldId } from './proposal-form';
import { pathOf, type ProposalForm, type TextField as TextFieldName } from './use-proposal-form';

/** The visible mark of a required field; assistive technology reads the input's `required` instead. */
export function Required() {
  return (
    <span className="required-mark" aria-hidden="true">
      {' '}
      *
    </span>
  );
}

/** The messages of one field path, tied to its input by id (`<id>-error`). */
export function FieldMessages({ f, path }: { f: ProposalForm; path: string }) {
  const messageText = useMessageText();
  const list = f.errors[path];
  if (!list?.length) return null;
  return (
    <p className="field-error" id={`${fieldId(path)}-error`}>
      {list.map(messageText).join(' ')}
    </p>
  );
}

interface TextFieldProps {
  f: ProposalForm;
  field: TextFieldName;
  label: string;
  required?: boolean;
  hint?: string;
  multiline?: boolean;
  inputMode?: 'decimal' | 'numeric';
}

/** A text input (or textarea) of the form with its label, hint and messages. */
export function TextField({ f, field, label, required, hint, multiline, inputMode }: TextFieldProps) {
  const { t } = useTranslation(NS);
  const path = pathOf(field);
  return (
    <div className="field">
      <label htmlFor={fieldId(path)}>
        {label}
        {required ? <Required /> : <span className="optional"> {t('form.optional')}</span>}
      </label>
      {hint ? (
        <p className="hint" id={`${fieldId(path)}-hint`}>
          {hint}
        </p>
      ) : null}
      {multiline ? (
        <textarea {...f.describe(path, !!hint)} value={f.form[field]} required={required} onChange={(e) => f.set(field)(e.target.value)} />
      ) : (
        <input
          {...f.describe(path, !!hint)}
          type="text"
          value={f.form[field]}
          required={required}
          inputMode={inputMode}
          autoComplete="off"
          onChange={(e) => f.set(field)(e.target.value)}
        />
      )}
      <FieldMessages f={f} path={path} />
    </div>
  );
}

/** A required choice of the form (type, form, initiator) from the given values, labelled `<prefix>.<value>`. */
export function ChoiceField({ f, field, values, prefix }: { f: ProposalForm; field: 'type' | 'form' | 'initiatorKind'; values: readonly string[]; prefix: string }) {
  const { t } = useTranslation(NS);
  return (
    <div className="field">
      <label htmlFor={fieldId(field)}>
        {t(`fields.${field}`)}
        <Required />
      </label>
      <select {...f.describe(field)} value={f.form[field]} required onChange={(e) => f.set(field)(e.target.value)}>
        <option value="">{t('form.choose')}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {t(`${prefix}.${v}`)}
          </option>
        ))}
      </select>
      <FieldMessages f={f} path={field} />
    </div>
  );
}

/** One input of an indicator or attachment row, at its field path (`indicators.0.name`). */
export function RowInput({
  f,
  label,
  path,
  value,
  required,
  type = 'text',
  onChange,
}: {
  f: ProposalForm;
  label: string;
  path: string;
  value: string;
  required?: boolean;
  type?: 'text' | 'url';
  onChange: (value: string) => void;
}) {
  const props = f.describe(path);
  return (
    <div className="field">
      <label htmlFor={props.id}>
        {label}
        {required ? <Required /> : null}
      </label>
      <input {...props} type={type} value={value} required={required} autoComplete="off" onChange={(e) => onChange(e.target.value)} />
      <FieldMessages f={f} path={path} />
    </div>
  );
}
