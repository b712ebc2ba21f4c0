import type { Area } from '@apps/web/src/lib/area';
import { ProposalDetailPage } from './detail/proposal-detail-page';
import { EditProposalPage, NewProposalPage } from './form/proposal-form-page';
import { MyProposalsPage } from './list/my-proposals-page';

/** The proposer's pages: Usulan Saya (the home page), Usulan Baru, the detail and the edit form. */
export const proposalsArea: Area = {
  routes: [
    { path: '/usulan', element: <MyProposalsPage /> },
    { path: '/usulan/baru', element: <NewProposalPage /> },
    { path: '/usulan/:id', element: <ProposalDetailPage /> },
    { path: '/usulan/:id/ubah', element: <EditProposalPage /> },
  ],
  nav: [
    { to: '/usulan', label: 'nav.mine', namespace: 'proposals', end: true },
    { to: '/usulan/baru', label: 'nav.new', namespace: 'proposals', role: 'proposer' },
  ],
  home: '/usulan',
};
