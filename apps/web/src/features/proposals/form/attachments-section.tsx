import { useTranslation } from 'react-i18next';
import { NS } from '../proposal-values';
import { FieldMessages, RowInput } from './form-fields';
import { fieldId, LIMITS } from './proposal-form';
import type { ProposalForm } from './use-proposal-form';

/** Lampiran: rows of a name and an http(s) address. */
export function AttachmentsSection({ f }: { f: ProposalForm }) {
  const { t } = useTranslation(NS);
  return (
    <fieldset className="card" id={fieldId('attachments')}>
      <legend>{t('fields.attachments')}</legend>
      <p className="hint">{t('form.hints.attachments')}</p>
      <FieldMessages f={f} path="attachments" />
      {f.form.attachments.length === 0 ? <p className="muted">{t('form.noAttachments')}</p> : null}
      {f.form.attachments.map((row, i) => (
        <fieldset key={row.rowId} className="row-card">
          <legend>{t('form.attachmentN', { n: i + 1 })}</legend>
          <div className="field-row">
            <RowInput f={f} label={t('fields.attachmentName')} required path={`attachments.${i}.name`} value={row.name} onChange={(v) => f.setRow('attachments', i, 'name', v)} />
            <RowInput f={f} label={t('fields.attachmentUrl')} required type="url" path={`attachments.${i}.url`} value={row.url} onChange={(v) => f.setRow('attachments', i, 'url', v)} />
          </div>
          <FieldMessages f={f} path={`attachments.${i}`} />
          <button type="button" className="link-button" onClick={() => f.removeRow('attachments', i)}>
            {t('form.removeAttachment', { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      <button type="button" className="add-row" disabled={f.form.attachments.length >= LIMITS.rows} onClick={() => f.addRow('attachments')}>
        {t('form.addAttachment')}
      </button>
    </fieldset>
  );
}
