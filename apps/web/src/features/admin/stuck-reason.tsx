import { useTranslation } from 'react-i18next';
import type { StuckReasonView } from '@apps/web/src/lib/api-types';
import { formatWorkingDays } from './working-days';

/**
 * Why an approval waits and for how long, in plain words: "Tidak ada pemegang jabatan" and "selama 3
 * hari kerja". The kind is said in words (and marked), never by colour alone.
 */
export function StuckReason({ reason, open = true }: { reason: StuckReasonView | null; open?: boolean }) {
  const { t } = useTranslation('admin');
  if (!reason) return <span className="muted">{open ? t('reason.none') : '—'}</span>;
  return (
    <span className="stuck-reason" data-reason={reason.kind}>
      <span className={`marker marker-reason-${reason.kind}`}>{t(`reason.kind.${reason.kind}`)}</span>
      <span className="reason-since small">{t('reason.for', { duration: formatWorkingDays(reason.workingDays, t) })}</span>
    </span>
  );
}
