import { getDistricts, getProvinces, getRegencies, getVillages } from 'idn-area-data';

export interface RegencyChoice {
  kode: string;
  nama: string;
  provinsiKode: string;
  provinsiNama: string;
}

export interface RegencyAreas {
  regency: RegencyChoice;
  kecamatan: { kode: string; nama: string }[];
  desa: { kode: string; kecamatanKode: string; nama: string; jenis: 'desa' | 'kelurahan' }[];
}

let regencies: Promise<RegencyChoice[]> | undefined;

/** All regencies and cities of Indonesia, loaded once from idn-area-data. */
export function allRegencies(): Promise<RegencyChoice[]> {
  regencies ??= Promise.all([getProvinces(), getRegencies({ transform: true })]).then(([provinces, list]) => {
    const provinceName = new Map(provinces.map((p) => [p.code, p.name]));
    return list.map((r) => ({
      kode: r.code,
      nama: r.name.toUpperCase(),
      provinsiKode: r.provinceCode,
      provinsiNama: provinceName.get(r.provinceCode) ?? r.provinceCode,
    }));
  });
  return regencies;
}

export async function searchRegencies(query: string, limit: number): Promise<RegencyChoice[]> {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const all = await allRegencies();
  return all
    .filter((r) => {
      const haystack = `${r.kode} ${r.nama} ${r.provinsiNama}`.toLowerCase();
      return words.every((w) => haystack.includes(w));
    })
    .slice(0, limit);
}

const regencyAreas = new Map<string, Promise<RegencyAreas | null>>();

/**
 * The kecamatan and villages of one regency, or null when the code is not a regency. Kept once read:
 * idn-area-data parses all ~84,000 villages of Indonesia at each call, and the answer never changes.
 */
export function loadRegencyAreas(kode: string): Promise<RegencyAreas | null> {
  let areas = regencyAreas.get(kode);
  if (!areas) {
    areas = readRegencyAreas(kode);
    regencyAreas.set(kode, areas);
    areas.catch(() => regencyAreas.delete(kode));
  }
  return areas;
}

async function readRegencyAreas(kode: string): Promise<RegencyAreas | null> {
  const regency = (await allRegencies()).find((r) => r.kode === kode);
  if (!regency) return null;
  const [districts, villages] = await Promise.all([
    getDistricts({ transform: true }),
    getVillages({ transform: true }),
  ]);
  const kecamatan = districts.filter((d) => d.regencyCode === kode).map((d) => ({ kode: d.code, nama: d.name }));
  const inRegency = new Set(kecamatan.map((k) => k.kode));
  const desa = villages
    .filter((v) => inRegency.has(v.districtCode))
    .map((v) => ({
      kode: v.code,
      kecamatanKode: v.districtCode,
      nama: v.name,
      jenis: v.code.split('.')[3]?.startsWith('1') ? ('kelurahan' as const) : ('desa' as const),
    }));
  return { regency, kecamatan, desa };
}
