import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, handleUnauthorized, tokenStore } from './api';
import type { TokenPersonView, TokenResponseDto } from './api-types';

/** The signed-in person as dev-login (or the identity provider's gateway) answers. */
export type User = TokenPersonView;

interface AuthState {
  user: User | null;
  signIn(nip: string): Promise<void>;
  signOut(): void;
}

const USER_KEY = 'estafet.user';
const AuthContext = createContext<AuthState | null>(null);

/** The signed-in person, kept for the browser tab (sessionStorage) with their bearer token. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(() => {
    const raw = sessionStorage.getItem(USER_KEY);
    return raw && tokenStore.get() ? (JSON.parse(raw) as User) : null;
  });
  const signOut = useCallback(() => {
    tokenStore.set(null);
    sessionStorage.removeItem(USER_KEY);
    setUser(null);
  }, []);
  useEffect(() => handleUnauthorized(signOut), [signOut]);
  const signIn = useCallback(async (nip: string) => {
    const res = await api<TokenResponseDto>('/api/auth/dev-login', { method: 'POST', body: { nip } });
    tokenStore.set(res.accessToken);
    sessionStorage.setItem(USER_KEY, JSON.stringify(res.person));
    setUser(res.person);
  }, []);
  const value = useMemo(() => ({ user, signIn, signOut }), [user, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}
