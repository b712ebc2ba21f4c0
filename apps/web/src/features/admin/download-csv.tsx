import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '@apps/web/src/components/error-message';
import { downloadFile } from '@apps/web/src/lib/download';

/** A button that downloads what a list shows (with its filters) as a CSV file. */
export function CsvButton({ path, label, fileName }: { path: string; label: string; fileName: string }) {
  const { t } = useTranslation('admin');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await downloadFile(path, 'text/csv', fileName);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="csv-button">
      <button type="button" onClick={() => void run()} disabled={busy} aria-busy={busy || undefined}>
        <span aria-hidden="true">⬇ </span>
        {busy ? t('csv.busy') : label}
      </button>
      <ErrorMessage error={error} ns="admin" />
    </span>
  );
}
