import type { Area } from '../../area';
import { MyProposalsPage } from './my-proposals-page';
import { ProposalDetailPage } from './proposal-detail-page';
import { EditProposalPage, NewProposalPage } from './proposal-form-page';

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
