import type { ReactNode } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { useAuth } from './lib/session';
import { Layout } from './layout';
import { AREAS } from './areas';
import { SignInPage } from './features/auth/sign-in-page';

/** Pages that need a signed-in person send everyone else to Masuk. */
function RequireUser({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  return user ? children : <Navigate to="/masuk" replace />;
}

function Home() {
  const { user } = useAuth();
  if (!user) return <Navigate to="/masuk" replace />;
  const home = AREAS.find((a) => a.home)?.home;
  return home ? <Navigate to={home} replace /> : null;
}

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <Home /> },
      { path: '/masuk', element: <SignInPage /> },
      ...AREAS.flatMap((a) => a.routes).map((r) => ({ ...r, element: <RequireUser>{r.element}</RequireUser> })),
      { path: '*', element: <Home /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
