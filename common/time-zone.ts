/**
 * Indonesia's three time zones and which province keeps which (Keppres 41/1987, with the provinces
 * created since). A regency keeps its province's zone; none observes daylight saving, so a zone is a
 * fixed offset. Visit days, times and "today" are reckoned in the office's zone, whatever the PC says.
 */
export type ZoneName = 'WIB' | 'WITA' | 'WIT';

export interface OfficeZone {
  name: ZoneName;
  /** Minutes ahead of UTC. */
  offsetMinutes: number;
  /** The IANA name, for Intl formatting. */
  iana: string;
}

export const ZONES: Record<ZoneName, OfficeZone> = {
  WIB: { name: 'WIB', offsetMinutes: 7 * 60, iana: 'Asia/Jakarta' },
  WITA: { name: 'WITA', offsetMinutes: 8 * 60, iana: 'Asia/Makassar' },
  WIT: { name: 'WIT', offsetMinutes: 9 * 60, iana: 'Asia/Jayapura' },
};

/** Kemendagri province code → zone. Kalimantan Barat and Tengah keep WIB; the rest of Kalimantan WITA. */
const PROVINCE_ZONE: Record<string, ZoneName> = {
  11: 'WIB',
  12: 'WIB',
  13: 'WIB',
  14: 'WIB',
  15: 'WIB',
  16: 'WIB',
  17: 'WIB',
  18: 'WIB',
  19: 'WIB',
  21: 'WIB',
  31: 'WIB',
  32: 'WIB',
  33: 'WIB',
  34: 'WIB',
  35: 'WIB',
  36: 'WIB',
  51: 'WITA',
  52: 'WITA',
  53: 'WITA',
  61: 'WIB',
  62: 'WIB',
  63: 'WITA',
  64: 'WITA',
  65: 'WITA',
  71: 'WITA',
  72: 'WITA',
  73: 'WITA',
  74: 'WITA',
  75: 'WITA',
  76: 'WITA',
  81: 'WIT',
  82: 'WIT',
  91: 'WIT',
  92: 'WIT',
  93: 'WIT',
  94: 'WIT',
  95: 'WIT',
  96: 'WIT',
};

/** The zone of a province, regency, kecamatan or village code (its first two digits name the province). */
export function zoneOfArea(code: string): OfficeZone {
  const name = PROVINCE_ZONE[code.slice(0, 2)];
  if (!name) throw new Error(`No time zone known for area code "${code.slice(0, 13)}"`);
  return ZONES[name];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The wall clock of an instant in a zone, as UTC fields of a shifted Date (also what an XLSX date cell holds). */
export function wallClock(instant: string | Date, zone: OfficeZone): Date | null {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return Number.isNaN(ms) ? null : new Date(ms + zone.offsetMinutes * 60_000);
}

const OFFSET_SUFFIX: Record<ZoneName, string> = { WIB: '+07:00', WITA: '+08:00', WIT: '+09:00' };
const DATE_PREFIX = /^\d{4}-\d{2}-\d{2}T/;

/** "2020-09-14T17:30:00Z" in WIB → "2020-09-15": the calendar day the office counts it on. */
export function localDay(instant: string | Date, zone: OfficeZone): string {
  // Written in the office's own offset (what tablets in the regency write): the date part is the day.
  // A million-line import asks this for every line, so the common case skips parsing.
  if (typeof instant === 'string' && instant.endsWith(OFFSET_SUFFIX[zone.name]) && DATE_PREFIX.test(instant))
    return instant.slice(0, 10);
  const d = wallClock(instant, zone);
  return d ? `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` : '';
}

/** The instant an office-zone day starts, as UTC ISO text: "2020-09-15" in WIB → "2020-09-14T17:00:00.000Z". */
export function dayStartInstant(day: string, zone: OfficeZone): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - zone.offsetMinutes * 60_000).toISOString();
}

/** The instant the day after `day` starts in the zone: the exclusive end of "up to and including `day`". */
export function dayEndInstant(day: string, zone: OfficeZone): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + (24 * 60 - zone.offsetMinutes) * 60_000).toISOString();
}

/** "2020-09-14T17:30:00Z" in WIB → "00.30" */
export function localTime(instant: string | Date, zone: OfficeZone): string {
  const d = wallClock(instant, zone);
  return d ? `${pad(d.getUTCHours())}.${pad(d.getUTCMinutes())}` : '';
}

/** SQLite expression for the office-zone day of an ISO date-time column (SQLite reads the offset or Z). */
export function sqlLocalDay(column: string, zone: OfficeZone): string {
  return `date(${column}, '+${zone.offsetMinutes} minutes')`;
}
