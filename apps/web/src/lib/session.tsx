import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, handleUnauthorized, tokenStore } from './api';
import type { TaskPageView, TokenPersonView, TokenResponseDto } from './api-types';

/** The signed-in person as dev-login (or the identity provider's gateway) answers. */
export type User = TokenPersonView;

interface AuthState {
  user: User | null;
  signIn(nip: string): Promise<User>;
  /** Keluar: the person ends the session themselves. */
  signOut(): void;
  /**
   * Whether the last session ended by Keluar (the page left behind is not one to return to, for
   * whoever signs in next) rather than by an expired or refused token (where it is).
   */
  signedOutOnPurpose: boolean;
  /** How many open tasks the signed-in person holds (the menu's count); null until known. */
  openTasks: number | null;
  /** Asks the count again, after a decision or whatever else may have changed it. */
  refreshOpenTasks(): void;
}

const USER_KEY = 'estafet.user';
const AuthContext = createContext<AuthState | null>(null);

/** The number of open tasks the bearer of the current token holds (GET /api/tasks answers the total). */
export async function countOpenTasks(): Promise<number> {
  return (await api<TaskPageView>('/api/tasks?pageSize=1')).total;
}

/** The signed-in person, kept for the browser tab (sessionStorage) with their bearer token. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(() => {
    const raw = sessionStorage.getItem(USER_KEY);
    return raw && tokenStore.get() ? (JSON.parse(raw) as User) : null;
  });
  const [count, setCount] = useState<{ userId: string; value: number } | null>(null);
  const [round, setRound] = useState(0);
  const [signedOutOnPurpose, setSignedOutOnPurpose] = useState(false);
  const end = useCallback((onPurpose: boolean) => {
    tokenStore.set(null);
    sessionStorage.removeItem(USER_KEY);
    setSignedOutOnPurpose(onPurpose);
    setUser(null);
  }, []);
  const signOut = useCallback(() => end(true), [end]);
  useEffect(() => handleUnauthorized(() => end(false)), [end]);
  const signIn = useCallback(async (nip: string) => {
    const res = await api<TokenResponseDto>('/api/auth/dev-login', { method: 'POST', body: { nip } });
    tokenStore.set(res.accessToken);
    sessionStorage.setItem(USER_KEY, JSON.stringify(res.person));
    setSignedOutOnPurpose(false);
    setUser(res.person);
    return res.person;
  }, []);

  // The menu's count follows the person and every refresh; a failed read leaves the last count.
  const userId = user?.id ?? null;
  useEffect(() => {
    if (!userId) return;
    let current = true;
    countOpenTasks()
      .then((value) => current && setCount({ userId, value }))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [userId, round]);
  const refreshOpenTasks = useCallback(() => setRound((r) => r + 1), []);
  const openTasks = count && count.userId === userId ? count.value : null;

  const value = useMemo(
    () => ({ user, signIn, signOut, signedOutOnPurpose, openTasks, refreshOpenTasks }),
    [user, signIn, signOut, signedOutOnPurpose, openTasks, refreshOpenTasks],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}
