import fs from 'node:fs';
import path from 'node:path';
import type { TestBackend } from './backend.js';

/** A valid NIP for test person `i`: born 1970–1999, appointed at 25, male/female alternating. */
export function makeNip(i: number): string {
  const birthYear = 1970 + (i % 30);
  const month = String((i % 12) + 1).padStart(2, '0');
  const day = String((i % 28) + 1).padStart(2, '0');
  const sex = i % 2 ? '2' : '1';
  return `${birthYear}${month}${day}${birthYear + 25}${month}${sex}${String((i % 999) + 1).padStart(3, '0')}`;
}

export function writeCsv(dir: string, name: string, header: string, lines: string[], separator = ';'): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `\uFEFF${[header, ...lines].map((l) => l.replaceAll(';', separator)).join('\r\n')}\r\n`);
  return file;
}

export interface Registers {
  opd: string[];
  /** Employee rows as written: nip (empty for NON-ASN), nama, opd code. */
  people: { nip: string; nama: string; opd: string }[];
}

/** Registers (as of `date`) `opdCount` OPD with `perOpd` employees each (every 5th NON-ASN) through the real importers. */
export async function seedRegisters(
  backend: TestBackend,
  opdCount = 3,
  perOpd = 20,
  date = '2026-01-01',
): Promise<Registers> {
  const opd = Array.from({ length: opdCount }, (_, i) => `OPD-${String(i + 1).padStart(2, '0')}`);
  await backend.call('integrity.opd.import', {
    file: {
      path: writeCsv(
        backend.dir,
        'opd.csv',
        'kode;nama;jenis',
        opd.map((k, i) => `${k};Dinas Nomor ${i + 1};dinas`),
      ),
    },
  });
  const people = opd.flatMap((k, o) =>
    Array.from({ length: perOpd }, (_, j) => {
      const i = o * perOpd + j;
      return { nip: j % 5 === 4 ? '' : makeNip(i), nama: `Pegawai ${i}`, opd: k };
    }),
  );
  const lines = people.map((p) => `${p.nip};${p.nama};Staf;${p.opd};${p.nip ? 'PNS' : 'NON-ASN'}`);
  await backend.call('integrity.pegawai.import', {
    file: { path: writeCsv(backend.dir, 'pegawai.csv', 'nip;nama;jabatan;unit_kerja;status', lines) },
    date,
  });
  return { opd, people };
}
