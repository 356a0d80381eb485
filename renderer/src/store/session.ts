import { useEffect } from 'react';
import { create } from 'zustand';
import type { OperationName, OpOutput } from '../../../electron/api/types';
import { api, ApiCallError, subscribeChanges, whenSessionLost } from '../api/client';

export type SessionMe = OpOutput<'users.session.me'>;

interface SessionState {
  /** undefined while loading; null when nobody is logged in. */
  me: SessionMe | null | undefined;
  needsFirstAdmin: boolean;
  /** Why the login screen shows: locked after idle time, the session ended, or a restore ended every session. */
  reason: 'idle' | 'expired' | 'restored' | null;
  /** What this window's own restore did, for the login screen that follows it. */
  restored: { backup: string; keptAside: string | null } | null;
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
  restored: null,
  lastUsername: '',
  async load() {
    try {
      set({ me: await api('users.session.me', {}), reason: null, restored: null });
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

/** Back to the login screen because the database was restored (here or at another window): every session ended. */
export function endSessionByRestore(restored?: SessionState['restored']): void {
  useSession.setState((s) => ({
    me: null,
    reason: 'restored',
    lastUsername: s.me?.username ?? s.lastUsername,
    restored: restored ?? s.restored,
  }));
  // The restored database may predate every account: then the first-admin screen shows instead.
  void useSession
    .getState()
    .load()
    .catch(() => {});
}

/** While logged in: a restore's change event (from any window) ends this session too. */
export function useEndOnRestore(): void {
  useEffect(
    () =>
      subscribeChanges((event) => {
        if (event.endsSessions) endSessionByRestore();
      }),
    [],
  );
}

/** Whether the logged-in user may call this operation; screens hide what they may not do (the server refuses regardless). */
export function useCan(name: OperationName): boolean {
  return useSession((s) => s.me?.allowed.includes(name) ?? false);
}
