import { describe, expect, it } from 'vitest';
import { formatDate, formatDateLong, formatNumber, formatPercent, formatTime } from '../../common/format.js';

describe('Indonesian formatting', () => {
  it('writes numbers with dots for thousands and commas for decimals', () => {
    expect(formatNumber(33566)).toBe('33.566');
    expect(formatNumber(112901)).toBe('112.901');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(null)).toBe('');
    expect(formatPercent(12.5)).toBe('12,5%');
    expect(formatPercent(13)).toBe('13,0%');
  });

  it('writes dates as 23/06/2020 in tables and 23 Juni 2020 in text, times as 18.30', () => {
    expect(formatDate('2020-06-23')).toBe('23/06/2020');
    expect(formatDateLong('2020-06-23')).toBe('23 Juni 2020');
    expect(formatDateLong('2020-12-01')).toBe('1 Desember 2020');
    expect(formatDate('not a date')).toBe('');
    expect(formatTime(new Date(2020, 5, 23, 18, 30))).toBe('18.30');
  });
});
