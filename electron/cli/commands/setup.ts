import type { Command } from '../command.js';
import { requireString } from '../command.js';

export const initCommand: Command = {
  name: 'init',
  usage: 'init --kabupaten CODE',
  summary: "create or migrate the database and load the regency's kecamatan and villages",
  options: { kabupaten: { type: 'string' } },
  async run({ values }, ctx) {
    const result = await ctx.call('wilayah.office.setup', { kabupaten: requireString(values, 'kabupaten') });
    if (ctx.json) {
      ctx.io.stdout(
        JSON.stringify({
          kabupaten: result.kabupaten,
          nama: result.nama,
          kecamatan: result.kecamatan,
          desa: result.desa,
        }),
      );
    } else {
      const verb = result.created ? 'Set up' : 'Already set up for';
      ctx.io.stdout(
        `${verb} ${result.nama} (${result.kabupaten}): ${result.kecamatan} kecamatan, ${result.desa} desa/kelurahan`,
      );
    }
    return 0;
  },
};
