/** Indonesian formatting, shared by the UI and the reports the app writes (PDF, XLSX). */
import { localDay, localTime, type OfficeZone } from './time-zone.js';

const numberFormat = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });
const MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];

/** 33566 → "33.566" */
export function formatNumber(value: number | null | undefined): string {
  return value == null || Number.isNaN(value) ? '' : numberFormat.format(value);
}

/** 12.5 → "12,5%" */
export function formatPercent(value: number | null | undefined, digits = 1): string {
  if (value == null || Number.isNaN(value)) return '';
  return `${new Intl.NumberFormat('id-ID', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value)}%`;
}

function parts(value: string | Date): { y: number; m: number; d: number } | null {
  if (typeof value === 'string') {
    const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
    if (match && value.length === 10) return { y: +match[1], m: +match[2], d: +match[3] };
    value = new Date(value);
  }
  if (Number.isNaN(value.getTime())) return null;
  return { y: value.getFullYear(), m: value.getMonth() + 1, d: value.getDate() };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2020-06-23" → "23/06/2020" (tables) */
export function formatDate(value: string | Date | null | undefined): string {
  const p = value == null ? null : parts(value);
  return p ? `${pad(p.d)}/${pad(p.m)}/${p.y}` : '';
}

/** "2020-06-23" → "23 Juni 2020" (text) */
export function formatDateLong(value: string | Date | null | undefined): string {
  const p = value == null ? null : parts(value);
  return p ? `${p.d} ${MONTHS[p.m - 1]} ${p.y}` : '';
}

/** A Date → "18.30" */
export function formatTime(value: Date): string {
  return `${pad(value.getHours())}.${pad(value.getMinutes())}`;
}

/**
 * An ISO instant → "15/09/2020 00.30 WIB": the wall clock of the office's zone, named, whatever
 * zone the tablet wrote or the viewer's PC is in; "" for none. Visit and sync times use this.
 */
export function formatDateTimeIn(iso: string | null | undefined, zone: OfficeZone): string {
  const day = iso ? localDay(iso, zone) : '';
  return day ? `${formatDate(day)} ${localTime(iso!, zone)} ${zone.name}` : '';
}

/** An ISO instant → "23/06/2020 18.30" in the viewer's time zone; "" for none. */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? `${formatDate(iso)} ${formatTime(new Date(iso))}` : '';
}
