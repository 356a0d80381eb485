import { useEffect } from 'react';
import { useSession } from '../../store/session';

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'pointermove'] as const;

/** Locks the window (ends the session, keeps the username) after the office's idle time without input. */
export function useIdleLock(): void {
  const minutes = useSession((s) => s.me?.idleMinutes);
  const logout = useSession((s) => s.logout);
  useEffect(() => {
    if (!minutes) return;
    let timer = window.setTimeout(() => void logout('idle'), minutes * 60_000);
    const reset = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void logout('idle'), minutes * 60_000);
    };
    for (const type of ACTIVITY) window.addEventListener(type, reset, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, reset);
    };
  }, [minutes, logout]);
}
