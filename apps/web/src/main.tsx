import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { AuthProvider } from './lib/session';
import './lib/i18n';
// One stylesheet in this order: the shared pieces, each area's own, then the base (styles.css last,
// so that its rules win over an area's rule of the same weight, as they always have).
import './components/components.css';
import './features/tasks/tasks.css';
import './features/admin/admin.css';
import './features/proposals/proposals.css';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AuthProvider>
      <App />
    </AuthProvider>
  </StrictMode>,
);
