import { useTranslation } from 'react-i18next';

/** Previous / next page of a list, with where the reader is ("Halaman 2 dari 5"). */
export function Pager({ page, pageSize, total, onPage, label }: { page: number; pageSize: number; total: number; onPage: (page: number) => void; label?: string }) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (total <= pageSize && page === 1) return null;
  return (
    <nav className="pager" aria-label={label ?? t('pager.label')}>
      <button type="button" onClick={() => onPage(page - 1)} disabled={page <= 1}>
        {t('pager.previous')}
      </button>
      <span>{t('pager.position', { page, pages, total })}</span>
      <button type="button" onClick={() => onPage(page + 1)} disabled={page >= pages}>
        {t('pager.next')}
      </button>
    </nav>
  );
}
