import { FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorMessage } from '@apps/web/src/components/error-message';
import { Loading, Page } from '@apps/web/src/components/page';
import type { ProposalPageView } from '@apps/web/src/lib/api-types';
import { useAuth } from '@apps/web/src/lib/session';
import { useApi } from '@apps/web/src/lib/use-api';
import { NS, PROPOSAL_STATUSES } from '../proposal-values';
import { ProposalRow } from './proposal-row';

const PAGE_SIZE = 20;

/** The filters as the address holds them, so a filtered page can be reloaded and shared. */
function useFilters() {
  const [params, setParams] = useSearchParams();
  const rawStatus = params.get('status') ?? '';
  const status = (PROPOSAL_STATUSES as readonly string[]).includes(rawStatus) ? rawStatus : '';
  const q = (params.get('q') ?? '').slice(0, 200);
  const page = Math.max(1, Math.min(100000, Number.parseInt(params.get('page') ?? '1', 10) || 1));
  const go = (next: { status?: string; q?: string; page?: number }) => {
    const p = new URLSearchParams();
    const s = next.status ?? status;
    const text = (next.q ?? q).trim();
    if (s) p.set('status', s);
    if (text) p.set('q', text);
    if ((next.page ?? 1) > 1) p.set('page', String(next.page));
    setParams(p);
  };
  return { status, q, page, go };
}

/** Usulan Saya: my proposals, where each one is and who holds it now. */
export function MyProposalsPage() {
  const { t } = useTranslation(NS);
  const { user } = useAuth();
  const { status, q, page, go } = useFilters();
  const query = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
  if (status) query.set('status', status);
  if (q.trim()) query.set('q', q.trim());
  // The table stays in place while the answer for new filters or a new page comes.
  const { data, error, reload } = useApi<ProposalPageView>(`/api/proposals?${query.toString()}`, { keepPrevious: true });
  const [statusInput, setStatusInput] = useState(status);
  const [qInput, setQInput] = useState(q);
  useEffect(() => {
    setStatusInput(status);
    setQInput(q);
  }, [status, q]);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    go({ status: statusInput, q: qInput, page: 1 });
  };
  const filtered = status !== '' || q !== '';
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const isProposer = user?.roles.includes('proposer') ?? false;

  return (
    <Page
      title={t('list.title')}
      actions={
        isProposer ? (
          <Link className="button-link primary" to="/usulan/baru">
            {t('nav.new')}
          </Link>
        ) : null
      }
    >
      <p className="muted">{t('list.intro')}</p>
      <form className="card filters" onSubmit={apply} role="search" aria-label={t('list.filters')}>
        <div className="filter-field">
          <label htmlFor="filter-status">{t('list.status')}</label>
          <select id="filter-status" value={statusInput} onChange={(e) => setStatusInput(e.target.value)}>
            <option value="">{t('list.allStatuses')}</option>
            {PROPOSAL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`, { ns: 'common' })}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-field grow">
          <label htmlFor="filter-q">{t('list.search')}</label>
          <input id="filter-q" type="search" value={qInput} maxLength={200} onChange={(e) => setQInput(e.target.value)} />
        </div>
        <div className="filter-actions">
          <button type="submit" className="primary">
            {t('list.apply')}
          </button>
          {filtered ? (
            <button type="button" onClick={() => go({ status: '', q: '', page: 1 })}>
              {t('list.clear')}
            </button>
          ) : null}
        </div>
      </form>
      <ErrorMessage error={error} ns="proposals" onRetry={reload} />
      {!data && !error ? <Loading /> : null}
      {data ? (
        data.items.length === 0 ? (
          <div className="card empty" role="status">
            <p>{filtered ? t('list.noMatch') : t('list.empty')}</p>
            {!filtered && isProposer ? <Link to="/usulan/baru">{t('list.startFirst')}</Link> : null}
          </div>
        ) : (
          <>
            <div className="table-wrap">
              <table className="responsive proposals-table">
                <caption className="visually-hidden">{t('list.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('list.col.title')}</th>
                    <th scope="col">{t('list.col.status')}</th>
                    <th scope="col">{t('list.col.stage')}</th>
                    <th scope="col">{t('list.col.holder')}</th>
                    <th scope="col">{t('list.col.due')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((p) => (
                    <ProposalRow key={p.id} proposal={p} />
                  ))}
                </tbody>
              </table>
            </div>
            <nav className="pager" aria-label={t('list.pages')}>
              <button type="button" disabled={page <= 1} onClick={() => go({ page: page - 1 })}>
                {t('list.previous')}
              </button>
              <span role="status">{t('list.pageOf', { page, pages, count: data.total })}</span>
              <button type="button" disabled={page >= pages} onClick={() => go({ page: page + 1 })}>
                {t('list.next')}
              </button>
            </nav>
          </>
        )
      ) : null}
    </Page>
  );
}
