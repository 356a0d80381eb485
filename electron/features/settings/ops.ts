import { z } from 'zod';
import { audited } from '../../../common/audit-texts/index.js';
import { maskNip } from '../../../common/nip.js';
import { ALL_ROLES, op } from '../../api/define.js';
import { ApiError } from '../../api/errors.js';
import { issueOf } from '../../api/text-input.js';
import { SETTINGS, type SettingKey } from './definitions.js';
import { listSettings, readSetting, setSetting, settingVersion } from './service.js';

/** A setting's value as the audit trail keeps it: a NIP masked. */
const kept = (key: string, value: unknown) =>
  JSON.stringify(SETTINGS[key as SettingKey].nip && typeof value === 'string' ? maskNip(value) : value);

const settingKey = z.string().refine((k): k is SettingKey => Object.hasOwn(SETTINGS, k), 'unknown setting');

export const settingsOps = {
  'settings.list': op({
    input: z.object({}),
    writes: false,
    roles: ALL_ROLES,
    // canChange lets screens disable what this role may not change (settings.set refuses regardless).
    run: (_input, { db, actor }) =>
      listSettings(db).map((s) => ({ ...s, canChange: SETTINGS[s.key].roles.includes(actor.role) })),
  }),
  'settings.set': op({
    input: z.object({ key: settingKey, value: z.unknown(), expectedVersion: z.number().int().min(0).optional() }),
    writes: true,
    changes: ['settings', 'progress', 'participation', 'census'],
    roles: ALL_ROLES, // narrowed per setting below
    run: ({ key, value, expectedVersion }, { db, actor }) => {
      const definition = SETTINGS[key as SettingKey];
      if (!definition.roles.includes(actor.role))
        throw ApiError.problem('FORBIDDEN', 'general.roleForbidden', { role: actor.role });
      const parsed = (definition.schema as z.ZodType).safeParse(value);
      if (!parsed.success) {
        // The setting's key is the field: the UI names it by the setting's label.
        const issues = parsed.error.issues.map((issue) => issueOf({ ...issue, path: [key] }));
        throw ApiError.invalidInput('settings.set', issues);
      }
      const before = readSetting(db, key as SettingKey);
      setSetting(db, key, parsed.data, expectedVersion);
      return { key, before, value: parsed.data, version: settingVersion(db, key) };
    },
    audit: (_input, out) => ({
      entity: 'setting',
      entityId: out.key,
      ...audited('settings.changed', { before: kept(out.key, out.before), after: kept(out.key, out.value) }),
      before: kept(out.key, out.before),
      after: kept(out.key, out.value),
    }),
  }),
};
