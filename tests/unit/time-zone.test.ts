import { describe, expect, it } from 'vitest';
import { getProvinces } from 'idn-area-data';
import { localDay, localTime, sqlLocalDay, zoneOfArea } from '../../common/time-zone.js';
import { testBackend } from '../support/backend.js';

describe('office time zones', () => {
  it('knows the zone of every province in idn-area-data', async () => {
    for (const province of await getProvinces())
      expect(['WIB', 'WITA', 'WIT']).toContain(zoneOfArea(province.code).name);
    expect(zoneOfArea('33.16').name).toBe('WIB'); // Blora, Jawa Tengah
    expect(zoneOfArea('51.71').name).toBe('WITA'); // Denpasar
    expect(zoneOfArea('64.72').name).toBe('WITA'); // Samarinda: Kalimantan Timur
    expect(zoneOfArea('61.71').name).toBe('WIB'); // Pontianak: Kalimantan Barat
    expect(zoneOfArea('91.71').name).toBe('WIT'); // Jayapura
    expect(() => zoneOfArea('99.01')).toThrow();
  });

  it('counts a visit on the office day, whatever offset the tablet wrote', () => {
    const wib = zoneOfArea('33.16');
    expect(localDay('2020-09-14T17:30:00Z', wib)).toBe('2020-09-15');
    expect(localTime('2020-09-14T17:30:00Z', wib)).toBe('00.30');
    expect(localDay('2020-09-14T23:59:00+07:00', wib)).toBe('2020-09-14');
    expect(localDay('2020-09-15T00:10:00+08:00', wib)).toBe('2020-09-14'); // 23.10 WIB
    expect(localDay('2020-09-15T00:10:00+08:00', zoneOfArea('73.71'))).toBe('2020-09-15');
    expect(localDay('not a date', wib)).toBe('');
  });

  it('gives SQLite the same day as the app', () => {
    const { db } = testBackend().database;
    const wit = zoneOfArea('91.71');
    for (const instant of [
      '2020-09-14T17:30:00Z',
      '2020-09-14T14:59:59+00:00',
      '2020-09-14T23:30:00+07:00',
      '2020-09-15T00:10:00+08:00',
    ]) {
      const day = db.$client
        .prepare(`SELECT ${sqlLocalDay('?', wit)}`)
        .pluck()
        .get(instant);
      expect(day).toBe(localDay(instant, wit));
    }
  });
});
