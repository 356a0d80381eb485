import { formatDateLong } from '../../../common/format.js';
import type { Db } from '../../db/open.js';
import type { Signer } from '../../files/pdf-layout.js';
import { readSetting } from '../settings/service.js';
import { officeSummary } from '../wilayah/service.js';

/** "KABUPATEN BLORA" → "Kabupaten Blora" */
const titleCase = (text: string) =>
  text.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, space: string, letter: string) => space + letter.toUpperCase());

/** "KABUPATEN BLORA" → "Blora", "KOTA SEMARANG" → "Semarang": where the office signs. */
export const placeOf = (office: string) => titleCase(office.replace(/^(KABUPATEN|KOTA)\s+/i, ''));

/** Who signs the surat tugas, from Pengaturan (letters.*), with the office's own name where a setting is empty. */
export function letterSigner(db: Db, day: string): Signer {
  const office = officeSummary(db)?.nama ?? '';
  const place = readSetting(db, 'letters.place') ?? placeOf(office);
  return {
    placeAndDate: `${place ? `${place}, ` : ''}${formatDateLong(day)}`,
    title: readSetting(db, 'letters.signerTitle') ?? `Koordinator Sensus ${titleCase(office)}`.trim(),
    name: readSetting(db, 'letters.signerName'),
    nip: readSetting(db, 'letters.signerNip'),
  };
}
