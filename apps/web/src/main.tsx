// First: the chosen language's files are fetched while the modules below are evaluated.
import { i18nReady } from './lib/i18n';
import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { AuthProvider } from './lib/session';
// One stylesheet in this order: the shared pieces, each area's own, then the base (styles.css last,
// so that its rules win over an area's rule of the same weight, as they always have).
import './components/components.css';
import './features/tasks/tasks.css';
import './features/admin/admin.css';
import './features/proposals/proposals.css';
import './features/proposals/record/record.css';
import './styles.css';
// Printing comes after everything: it hides what only the screen needs (menus, buttons).
import './print.css';

// Drawn once the chosen language's strings are in (lib/i18n.ts): never a bare key. If they could not
// be fetched, the app still starts; i18next retries a namespace when a page asks for it.
void i18nReady
  .catch(() => undefined)
  .then(() =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <Suspense fallback={null}>
          <AuthProvider>
            <App />
          </AuthProvider>
        </Suspense>
      </StrictMode>,
    ),
  );
