import type { ReactNode } from 'react';
import { createBrowserRouter, Navigate, RouterProvider, useLocation } from 'react-router';
import { Loading } from './components/page';
import { landingPath } from './lib/landing';
import { useAuth } from './lib/session';
import { Layout } from './layout';
import { AREAS } from './areas';
import { SignInPage } from './features/auth/sign-in-page';
import { NotFoundPage } from './not-found-page';

/**
 * Pages that need a signed-in person send everyone else to Masuk, remembering the page asked for
 * (a deep link, or the page a session expired on), so that signing in returns there; not the page
 * someone pressed Keluar on, which is not where the next person to sign in wants to be.
 */
function RequireUser({ children }: { children: ReactNode }) {
  const { user, signedOutOnPurpose } = useAuth();
  const { pathname, search, hash } = useLocation();
  if (user) return children;
  return <Navigate to="/masuk" replace state={signedOutOnPurpose ? null : { from: `${pathname}${search}${hash}` }} />;
}

/** The start page: each person lands on their own work (lib/landing.ts), once their open tasks are counted. */
function Home() {
  const { user, openTasks } = useAuth();
  if (!user) return <Navigate to="/masuk" replace />;
  if (!user.roles.includes('admin') && openTasks === undefined) return <Loading />;
  return <Navigate to={landingPath(user.roles, openTasks ?? null)} replace />;
}

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <Home /> },
      { path: '/masuk', element: <SignInPage /> },
      ...AREAS.flatMap((a) => a.routes).map((r) => ({ ...r, element: <RequireUser>{r.element}</RequireUser> })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
