import type { MessageKey } from '../../i18n';

/** What an audit entry is about (`entity` as the ops write it), said in words; a new entity needs a line here. */
export const AUDIT_ENTITY_LABELS = {
  asn_sp_online: 'settings.auditEntity.asn_sp_online',
  assignment: 'settings.auditEntity.assignment',
  backup: 'settings.auditEntity.backup',
  declaration: 'settings.auditEntity.declaration',
  household: 'settings.auditEntity.household',
  jemput_bola: 'settings.auditEntity.jemput_bola',
  lke: 'settings.auditEntity.lke',
  lke_item: 'settings.auditEntity.lke_item',
  lke_pass_mark: 'settings.auditEntity.lke_pass_mark',
  office: 'settings.auditEntity.office',
  officer: 'settings.auditEntity.officer',
  opd: 'settings.auditEntity.opd',
  pact: 'settings.auditEntity.pact',
  participation_target: 'settings.auditEntity.participation_target',
  pegawai: 'settings.auditEntity.pegawai',
  population_baseline: 'settings.auditEntity.population_baseline',
  session: 'settings.auditEntity.session',
  setting: 'settings.auditEntity.setting',
  sls: 'settings.auditEntity.sls',
  sp_online: 'settings.auditEntity.sp_online',
  sync_import: 'settings.auditEntity.sync_import',
  user: 'settings.auditEntity.user',
  zi_requirements: 'settings.auditEntity.zi_requirements',
  zi_stage: 'settings.auditEntity.zi_stage',
} satisfies Record<string, MessageKey>;
