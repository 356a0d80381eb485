/** Calendar dates as the office sees them: YYYY-MM-DD on this machine's own clock, not UTC. */

export function localIsoDate(d: Date = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Today in the office's local time. */
export const today = (): string => localIsoDate();
