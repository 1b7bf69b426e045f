/**
 * Who is signed in. The user comes from GET /api/auth/me; a 401 from any request after that means
 * the session ended (idle time-out, password changed elsewhere), and the user is sent to the login page.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { api, ApiError, setCsrfToken, setPasswordChangeRequiredHandler, setUnauthorizedHandler } from '../api/client';
import type { CurrentUser } from '../api/types';

export const SESSION_EXPIRED = '登录已过期,请重新登录';

interface AuthState {
  /** False while the first GET /api/auth/me is under way. */
  checked: boolean;
  user: CurrentUser | null;
  /** Shown on the login page: why the user is there. */
  notice: string | null;
  login(username: string, password: string): Promise<CurrentUser>;
  logout(): Promise<void>;
  /** Reads the user again (after a password change). */
  refresh(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<CurrentUser | null>(null);
  const [checked, setChecked] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const navigate = useNavigate();
  const location = useLocation();
  const signedIn = useRef(false);
  const here = useRef(location.pathname + location.search);
  here.current = location.pathname + location.search;

  const accept = useCallback((u: CurrentUser | null) => {
    signedIn.current = u !== null;
    setCsrfToken(u?.csrfToken ?? '');
    setUser(u);
  }, []);

  useEffect(() => {
    setUnauthorizedHandler((url) => {
      if (url.startsWith('/api/auth/login') || !signedIn.current) return;
      accept(null);
      setNotice(SESSION_EXPIRED);
      const from = here.current;
      navigate('/login', { replace: true, state: { from } });
    });
    return () => setUnauthorizedHandler(null);
  }, [accept, navigate]);

  // The password expired while the page was open: reading the user again leads to the password page.
  useEffect(() => {
    setPasswordChangeRequiredHandler(() => {
      if (!signedIn.current) return;
      api<CurrentUser>('GET', '/api/auth/me')
        .then(accept)
        .catch(() => undefined);
    });
    return () => setPasswordChangeRequiredHandler(null);
  }, [accept]);

  useEffect(() => {
    let live = true;
    api<CurrentUser>('GET', '/api/auth/me')
      .then((u) => live && accept(u))
      .catch((e: unknown) => {
        if (live && !(e instanceof ApiError && e.status === 401)) setNotice(e instanceof Error ? e.message : String(e));
      })
      .finally(() => live && setChecked(true));
    return () => {
      live = false;
    };
  }, [accept]);

  const login = useCallback(
    async (username: string, password: string) => {
      const u = await api<CurrentUser>('POST', '/api/auth/login', { username, password });
      setNotice(null);
      accept(u);
      return u;
    },
    [accept],
  );

  const logout = useCallback(async () => {
    try {
      await api('POST', '/api/auth/logout');
    } finally {
      accept(null);
      setNotice(null);
      navigate('/login', { replace: true });
    }
  }, [accept, navigate]);

  const refresh = useCallback(async () => {
    accept(await api<CurrentUser>('GET', '/api/auth/me'));
  }, [accept]);

  const value = useMemo(() => ({ checked, user, notice, login, logout, refresh }), [checked, user, notice, login, logout, refresh]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}

/** The signed-in user, for pages that are only shown to one (inside RequireAuth). */
export function useUser(): CurrentUser {
  const { user } = useAuth();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}
