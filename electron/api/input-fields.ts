import { z } from 'zod';

/** The codes and dates operations take, written once. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
export const kecamatanCode = z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/, 'expected a kecamatan code like 33.16.01');
export const slsId = z.string().regex(/^\d{16}$/, 'expected a 16-digit SLS id');
