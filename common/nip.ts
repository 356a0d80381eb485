/**
 * NIP (civil servant number, 18 digits): YYYYMMDD birth date, YYYYMM appointment month, one sex
 * digit (1 male, 2 female), a 3-digit serial. See office-files.md §4.
 */

/**
 * The one way a NIP is shown outside its own record: `19850312********01`. Anything that may be a
 * NIP (even a malformed one from a file) goes through here before it reaches a message, a log or
 * an export; short values are hidden entirely.
 */
export function maskNip(value: string | null | undefined): string {
  if (!value) return '';
  if (value.length < 12) return '*'.repeat(value.length);
  return `${value.slice(0, 8)}${'*'.repeat(value.length - 10)}${value.slice(-2)}`;
}

function realDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export type NipProblem =
  | 'integrity.nip.digits'
  | 'integrity.nip.rounded'
  | 'integrity.nip.birthDate'
  | 'integrity.nip.appointmentMonth'
  | 'integrity.nip.appointedTooYoung'
  | 'integrity.nip.sexDigit';

/** Which structure rule a NIP breaks (a problem key), or null when it is valid. Never carries the NIP. */
export function nipProblem(nip: string): NipProblem | null {
  if (!/^\d{18}$/.test(nip)) return 'integrity.nip.digits';
  // No real NIP has serial 000: a spreadsheet kept 15 significant digits and wrote zeros for the rest.
  if (nip.endsWith('000')) return 'integrity.nip.rounded';
  const by = Number(nip.slice(0, 4));
  const bm = Number(nip.slice(4, 6));
  const bd = Number(nip.slice(6, 8));
  if (by < 1900 || !realDate(by, bm, bd)) return 'integrity.nip.birthDate';
  const ay = Number(nip.slice(8, 12));
  const am = Number(nip.slice(12, 14));
  if (ay < 1900 || am < 1 || am > 12) return 'integrity.nip.appointmentMonth';
  // Appointed in a month after the one of the 15th birthday.
  if (ay * 12 + am <= (by + 15) * 12 + bm) return 'integrity.nip.appointedTooYoung';
  if (nip[14] !== '1' && nip[14] !== '2') return 'integrity.nip.sexDigit';
  return null;
}
