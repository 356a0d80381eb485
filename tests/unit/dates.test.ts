import { describe, expect, it } from 'vitest';
import { isoToDmy, parseDmy } from '../../common/dates.js';

describe('dates typed dd/mm/yyyy', () => {
  it('read the office’s way whatever the machine’s locale, with or without leading zeros', () => {
    expect(parseDmy('17/08/2026')).toBe('2026-08-17');
    expect(parseDmy('1/2/2026')).toBe('2026-02-01');
    expect(parseDmy(' 05-11-2026 ')).toBe('2026-11-05');
    expect(parseDmy('29.02.2028')).toBe('2028-02-29');
  });

  it('refuse what is no calendar date or not written day first', () => {
    for (const text of ['31/02/2026', '29/02/2026', '00/01/2026', '12/13/2026', '2026-08-17', '17/08/26', 'besok', ''])
      expect(parseDmy(text), text).toBeNull();
  });

  it('write YYYY-MM-DD back as dd/mm/yyyy', () => {
    expect(isoToDmy('2026-08-17')).toBe('17/08/2026');
    expect(isoToDmy('')).toBe('');
    expect(isoToDmy(null)).toBe('');
    expect(parseDmy(isoToDmy('2026-01-09'))).toBe('2026-01-09');
  });
});
