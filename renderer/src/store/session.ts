import { create } from 'zustand';
import type { OperationName, OpOutput } from '../../../electron/api/types';
import { api, ApiCallError, whenSessionLost } from '../api/client';

export type SessionMe = OpOutput<'users.session.me'>;

interface SessionState {
  /** undefined while loading; null when nobody is logged in. */
  me: SessionMe | null | undefined;
  needsFirstAdmin: boolean;
  /** Why the login screen shows: locked after idle time, or the session ended. */
  reason: 'idle' | 'expired' | null;
  lastUsername: string;
  load(): Promise<void>;
  login(username: string, password: string): Promise<void>;
  setupAdmin(input: { username: string; displayName: string; password: string }): Promise<void>;
  logout(reason?: 'logout' | 'idle'): Promise<void>;
}

export const useSession = create<SessionState>((set, get) => ({
  me: undefined,
  needsFirstAdmin: false,
  reason: null,
  lastUsername: '',
  async load() {
    try {
      set({ me: await api('users.session.me', {}), reason: null });
    } catch (error) {
      if (!(error instanceof ApiCallError) || error.code !== 'UNAUTHENTICATED') throw error;
      const status = await api('users.auth.status', {});
      set({ me: null, needsFirstAdmin: status.needsFirstAdmin });
    }
  },
  async login(username, password) {
    await api('users.auth.login', { username, password });
    set({ lastUsername: username, needsFirstAdmin: false });
    await get().load();
  },
  async setupAdmin(input) {
    await api('users.auth.setupAdmin', input);
    set({ lastUsername: input.username, needsFirstAdmin: false });
    await get().load();
  },
  async logout(reason = 'logout') {
    const username = get().me?.username ?? get().lastUsername;
    await api('users.auth.logout', { reason }).catch(() => {});
    set({ me: null, reason: reason === 'idle' ? 'idle' : null, lastUsername: username });
  },
}));

whenSessionLost(() => {
  if (useSession.getState().me) useSession.setState({ me: null, reason: 'expired' });
});

/** Whether the logged-in user may call this operation; screens hide what they may not do (the server refuses regardless). */
export function useCan(name: OperationName): boolean {
  return useSession((s) => s.me?.allowed.includes(name) ?? false);
}
