import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Blocker } from 'react-router';
import { NS } from '../proposal-values';

/**
 * Asks, when a link or the browser's back button would leave the form with unsaved text, whether
 * to stay (the default, and what Escape does) or leave without saving. A modal <dialog>: the
 * browser keeps the focus inside it and gives the rest of the page back when it closes.
 */
export function UnsavedDialog({ blocker }: { blocker: Blocker }) {
  const { t } = useTranslation(NS);
  const ref = useRef<HTMLDialogElement>(null);
  const blocked = blocker.state === 'blocked';

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (blocked && !dialog.open) dialog.showModal();
    if (!blocked && dialog.open) dialog.close();
  }, [blocked]);

  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby="unsaved-title"
      aria-describedby="unsaved-text"
      onCancel={(e) => {
        e.preventDefault();
        blocker.reset?.();
      }}
    >
      <h2 id="unsaved-title">{t('unsaved.title')}</h2>
      <p id="unsaved-text">{t('unsaved.text')}</p>
      <div className="form-actions">
        <button type="button" className="primary" autoFocus onClick={() => blocker.reset?.()}>
          {t('unsaved.stay')}
        </button>
        <button type="button" className="danger" onClick={() => blocker.proceed?.()}>
          {t('unsaved.leave')}
        </button>
      </div>
    </dialog>
  );
}
