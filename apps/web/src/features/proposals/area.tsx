import { lazyPage } from '@apps/web/src/components/lazy-page';
import type { Area } from '@apps/web/src/lib/area';

/** The proposer's pages: Usulan Saya (where a proposer lands), Usulan Baru, the detail, the edit form and the record to print. */
export const proposalsArea: Area = {
  routes: [
    { path: '/usulan', element: lazyPage(async () => (await import('./list/my-proposals-page')).MyProposalsPage) },
    { path: '/usulan/baru', element: lazyPage(async () => (await import('./form/proposal-form-page')).NewProposalPage) },
    { path: '/usulan/:id', element: lazyPage(async () => (await import('./detail/proposal-detail-page')).ProposalDetailPage) },
    { path: '/usulan/:id/ubah', element: lazyPage(async () => (await import('./form/proposal-form-page')).EditProposalPage) },
    { path: '/usulan/:id/cetak', element: lazyPage(async () => (await import('./record/record-page')).RecordPage) },
  ],
  nav: [
    { to: '/usulan', label: 'nav.mine', namespace: 'proposals', end: true },
    { to: '/usulan/baru', label: 'nav.new', namespace: 'proposals', role: 'proposer' },
  ],
};
