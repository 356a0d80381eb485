import { useEffect, useState } from 'react';
import { api } from '../../api/client';

/**
 * Names of the places and officers the coverage table has shown, by code: the breadcrumb names each
 * step (Kecamatan Jati, not 33.16.01). Kept for the session.
 */
const namesSeen = new Map<string, string>();

/** Remembers the names of rows the coverage table showed. */
export function rememberNames(rows: readonly { kode: string; nama: string | null }[]): void {
  for (const row of rows) if (row.nama) namesSeen.set(row.kode, row.nama);
}

/** The names of a trail's steps, asked from the backend by code (after a reload nothing was seen yet). */
async function loadNames(by: 'wilayah' | 'petugas', codes: readonly string[]): Promise<void> {
  if (by === 'wilayah') {
    // The trail is kecamatan, then one of its villages: its village list names both.
    const villages = await api('wilayah.desa', { kecamatan: codes[0] });
    if (villages[0]) namesSeen.set(codes[0], villages[0].kecamatanNama);
    rememberNames(villages);
    return;
  }
  const loads = await Promise.all(codes.map((kode) => api('census.officers.load', { kode })));
  rememberNames(loads.flatMap((load) => (load ? [load.officer] : [])));
}

/**
 * The name to show for each code of the breadcrumb: the one seen when drilling, or — after a reload,
 * when the URL keeps only codes — loaded by code. A code whose name cannot be found stays a code.
 */
export function useTrailNames(by: 'wilayah' | 'petugas', trail: readonly string[]): (code: string) => string {
  const [, setLoaded] = useState(0);
  const key = trail.join('~');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the trail
  useEffect(() => {
    if (!trail.some((code) => !namesSeen.has(code))) return;
    let current = true;
    loadNames(by, trail).then(
      () => current && setLoaded((n) => n + 1),
      // An unknown or mistyped code in the URL: the coverage table says what is wrong; the step keeps its code.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [by, key]);
  return (code) => namesSeen.get(code) ?? code;
}
