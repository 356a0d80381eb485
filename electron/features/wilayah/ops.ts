import { z } from 'zod';
import { audited } from '../../../common/audit-texts/index.js';
import { kecamatanCode } from '../../api/input-fields.js';
import { ALL_ROLES, op, TOPICS } from '../../api/define.js';
import { ApiError } from '../../api/errors.js';
import { loadRegencyAreas, searchRegencies, type RegencyAreas } from './area-data.js';
import { KABUPATEN_CODE, listDesa, listKecamatan, officeSummary, setupOffice } from './service.js';

export const wilayahOps = {
  'wilayah.office.get': op({
    input: z.object({}),
    writes: false,
    roles: ALL_ROLES,
    run: (_input, { db }) => officeSummary(db),
  }),
  'wilayah.office.searchKabupaten': op({
    input: z.object({ query: z.string().max(100), limit: z.number().int().min(1).max(100).default(20) }),
    writes: false,
    roles: ALL_ROLES,
    prepare: ({ query, limit }) => searchRegencies(query, limit),
    run: (_input, _ctx, found) => found,
  }),
  'wilayah.office.setup': op({
    input: z.object({ kabupaten: z.string().regex(KABUPATEN_CODE, 'expected a regency code like 33.16') }),
    writes: true,
    changes: TOPICS,
    roles: ['admin'],
    prepare: async ({ kabupaten }): Promise<RegencyAreas> => {
      const areas = await loadRegencyAreas(kabupaten);
      if (!areas) throw ApiError.problem('REJECTED', 'wilayah.unknownRegency', { kabupaten });
      return areas;
    },
    run: (_input, { db }, areas) => setupOffice(db, areas),
    audit: (input, out) => ({
      entity: 'office',
      entityId: input.kabupaten,
      ...(out.created
        ? audited('wilayah.regencyLoaded', { nama: out.nama, kecamatan: out.kecamatan, desa: out.desa })
        : audited('wilayah.alreadySetUp')),
    }),
  }),
  'wilayah.kecamatan': op({
    input: z.object({}),
    writes: false,
    roles: ALL_ROLES,
    run: (_input, { db }) => listKecamatan(db),
  }),
  'wilayah.desa': op({
    input: z.object({ kecamatan: kecamatanCode.optional() }),
    writes: false,
    roles: ALL_ROLES,
    run: ({ kecamatan }, { db }) => listDesa(db, kecamatan),
  }),
};
