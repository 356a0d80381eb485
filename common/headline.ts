import { formatDate, formatNumber, formatPercent } from './format.js';

/**
 * The SP Online headline as the regent's office writes it, always with its as-of date:
 * "33.566 keluarga, 112.901 penduduk — 13,0% per 23/06/2020". Null when there is no figure yet.
 */
export function participationHeadline(
  figures: { kkOnline: number; pendudukOnline: number; rateKkPct: number | null },
  asOf: string | null,
): string | null {
  if (!asOf) return null;
  return `${formatNumber(figures.kkOnline)} keluarga, ${formatNumber(figures.pendudukOnline)} penduduk — ${formatPercent(figures.rateKkPct)} per ${formatDate(asOf)}`;
}
