import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, handleUnauthorized, tokenStore } from './api';
import type { TaskPageView, TokenPersonView, TokenResponseDto } from './api-types';

/** The signed-in person as dev-login (or the identity provider's gateway) answers. */
export type User = TokenPersonView;

interface AuthState {
  user: User | null;
  /** Signs in; answers who, and how many open tasks they hold (null if that could not be read). */
  signIn(nip: string): Promise<{ person: User; openTasks: number | null }>;
  /** Keluar: the person ends the session themselves. */
  signOut(): void;
  /**
   * Whether the last session ended by Keluar (the page left behind is not one to return to, for
   * whoever signs in next) rather than by an expired or refused token (where it is).
   */
  signedOutOnPurpose: boolean;
  /**
   * How many open tasks the signed-in person holds (the menu's count, and where they land):
   * undefined until asked, null when it could not be read.
   */
  openTasks: number | null | undefined;
  /** Asks the count again, after a decision or whatever else may have changed it. */
  refreshOpenTasks(): void;
  /** The count as a page has just read it (Tugas Saya's total): no need to ask again. */
  reportOpenTasks(count: number): void;
}

const USER_KEY = 'estafet.user';
const AuthContext = createContext<AuthState | null>(null);

/** The number of open tasks the bearer of the current token holds (GET /api/tasks answers the total). */
async function countOpenTasks(): Promise<number> {
  return (await api<TaskPageView>('/api/tasks?pageSize=1')).total;
}

/** The signed-in person, kept for the browser tab (sessionStorage) with their bearer token. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(() => {
    const raw = sessionStorage.getItem(USER_KEY);
    return raw && tokenStore.get() ? (JSON.parse(raw) as User) : null;
  });
  const [count, setCount] = useState<{ userId: string; round: number; value: number | null } | null>(null);
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
  const signIn = useCallback(
    async (nip: string) => {
      const res = await api<TokenResponseDto>('/api/auth/dev-login', { method: 'POST', body: { nip } });
      tokenStore.set(res.accessToken);
      // Where the person lands and the menu's count need the same number: asked once, here.
      const openTasks = await countOpenTasks().catch(() => null);
      sessionStorage.setItem(USER_KEY, JSON.stringify(res.person));
      setCount({ userId: res.person.id, round, value: openTasks });
      setSignedOutOnPurpose(false);
      setUser(res.person);
      return { person: res.person, openTasks };
    },
    [round],
  );

  // The count follows the person (signed in earlier in this tab) and every refresh; a failed read
  // reads as null. A count already read for this person and round is not asked again.
  const userId = user?.id ?? null;
  const known = count !== null && count.userId === userId && count.round === round;
  useEffect(() => {
    if (!userId || known) return;
    let current = true;
    void countOpenTasks()
      .catch(() => null)
      .then((value) => current && setCount({ userId, round, value }));
    return () => {
      current = false;
    };
  }, [userId, round, known]);
  const refreshOpenTasks = useCallback(() => setRound((r) => r + 1), []);
  const reportOpenTasks = useCallback((value: number) => {
    if (userId) setCount({ userId, round, value });
  }, [userId, round]);
  const openTasks = count && count.userId === userId ? count.value : undefined;

  const value = useMemo(
    () => ({ user, signIn, signOut, signedOutOnPurpose, openTasks, refreshOpenTasks, reportOpenTasks }),
    [user, signIn, signOut, signedOutOnPurpose, openTasks, refreshOpenTasks, reportOpenTasks],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}
