import { and, asc, eq } from 'drizzle-orm';
import {
  type AUDIT_OPINIONS,
  SAKIP_GRADES,
  type ZI_PREDICATES,
  type ZI_STAGES,
  ziRequirements,
  ziStageDocuments,
  ziStages,
} from '../../../drizzle/schema/index.js';
import type { Actor } from '../../api/define.js';
import { ApiError, problemIssue, type ApiErrorIssue } from '../../api/errors.js';
import type { Db } from '../../db/open.js';
import { now } from './common.js';
import { expectNotStoredYet, updateVersioned } from '../../db/versioned.js';
import { recordFile, type StagedFile } from './files.js';
import { getOpd } from './registers.js';

export type Stage = (typeof ZI_STAGES)[number];

/** Which stages may follow each one: the road to WBK/WBBM. `null` = no stage yet. */
const NEXT: Record<Stage | 'none', Stage[]> = {
  none: ['pencanangan'],
  pencanangan: ['pembangunan'],
  pembangunan: ['penilaian_internal'],
  penilaian_internal: ['pengusulan'],
  pengusulan: ['evaluasi_tpn'],
  evaluasi_tpn: ['ditetapkan', 'perbaikan'],
  perbaikan: ['pembangunan'],
  // After WBK the unit keeps building, towards WBBM.
  ditetapkan: ['pembangunan'],
};

export function allowedNext(current: Stage | null): Stage[] {
  return NEXT[current ?? 'none'];
}

export interface StageInput {
  opd: string;
  stage: Stage;
  date: string;
  note: string;
  tpiScore?: number | null;
  predicate?: (typeof ZI_PREDICATES)[number] | null;
  decreeNumber?: string | null;
  decreeDate?: string | null;
}

function currentStage(db: Db, opdKode: string) {
  return db.select().from(ziStages).where(eq(ziStages.opdKode, opdKode)).orderBy(asc(ziStages.id)).all().at(-1) ?? null;
}

export function requirementsFor(db: Db, opdKode: string, year: number) {
  const row = db
    .select()
    .from(ziRequirements)
    .where(and(eq(ziRequirements.opdKode, opdKode), eq(ziRequirements.year, year)))
    .get();
  const auditOpinion = row?.auditOpinion ?? null;
  const sakipGrade = row?.sakipGrade ?? null;
  const issues: ApiErrorIssue[] = [];
  if (auditOpinion !== 'WTP')
    issues.push(
      auditOpinion
        ? problemIssue(null, 'auditOpinion', 'integrity.requirement.auditOpinion', { year, value: auditOpinion })
        : problemIssue(null, 'auditOpinion', 'integrity.requirement.auditOpinionMissing', { year }),
    );
  if (!sakipGrade || SAKIP_GRADES.indexOf(sakipGrade) > SAKIP_GRADES.indexOf('CC'))
    issues.push(
      sakipGrade
        ? problemIssue(null, 'sakipGrade', 'integrity.requirement.sakipGrade', { year, value: sakipGrade })
        : problemIssue(null, 'sakipGrade', 'integrity.requirement.sakipGradeMissing', { year }),
    );
  /** In English for the CLI; screens show `issues` by key. */
  const problems = issues.map((issue) => issue.message);
  return {
    opd: opdKode,
    year,
    auditOpinion,
    sakipGrade,
    version: row?.version ?? 0,
    met: problems.length === 0,
    problems,
    issues,
  };
}

export function setRequirements(
  db: Db,
  input: {
    opd: string;
    year: number;
    auditOpinion: (typeof AUDIT_OPINIONS)[number] | null;
    sakipGrade: (typeof SAKIP_GRADES)[number] | null;
    version: number;
  },
) {
  getOpd(db, input.opd);
  const before = requirementsFor(db, input.opd, input.year);
  const what = `Requirements of ${input.opd} for ${input.year}`;
  const values = { auditOpinion: input.auditOpinion, sakipGrade: input.sakipGrade, updatedAt: now() };
  const key = and(eq(ziRequirements.opdKode, input.opd), eq(ziRequirements.year, input.year))!;
  if (before.version) updateVersioned(db, ziRequirements, key, input.version, values, what);
  else {
    expectNotStoredYet(input.version, what);
    db.insert(ziRequirements)
      .values({ opdKode: input.opd, year: input.year, ...values })
      .run();
  }
  return requirementsFor(db, input.opd, input.year);
}

/** Moves an OPD to its next stage, refusing a step out of order, a missing detail, or pengusulan without the requirements. */
export function advanceStage(db: Db, input: StageInput, documents: StagedFile[], actor: Actor) {
  getOpd(db, input.opd);
  const current = currentStage(db, input.opd);
  const allowed = allowedNext(current?.stage ?? null);
  if (!allowed.includes(input.stage)) {
    const params = {
      opd: input.opd,
      current: current?.stage ?? 'none',
      stage: input.stage,
      allowed: allowed.join(', '),
    };
    throw ApiError.problem('REJECTED', 'integrity.stage.outOfOrder', params, [
      problemIssue(null, 'stage', 'integrity.stage.outOfOrder', params),
    ]);
  }
  if (current && input.date < current.date)
    throw ApiError.problem('REJECTED', 'integrity.stage.beforePrevious', { date: input.date, previous: current.date }, [
      problemIssue(null, 'date', 'integrity.stage.beforePrevious', { date: input.date, previous: current.date }),
    ]);
  if (input.stage === 'penilaian_internal' && input.tpiScore == null)
    throw ApiError.problem('REJECTED', 'integrity.stage.needsTpiScore', {}, [
      problemIssue(null, 'tpiScore', 'integrity.stage.needsTpiScore'),
    ]);
  if (input.stage === 'ditetapkan' && (!input.predicate || !input.decreeNumber || !input.decreeDate)) {
    throw ApiError.problem('REJECTED', 'integrity.stage.needsDecree', {}, [
      problemIssue(null, 'decreeNumber', 'integrity.stage.needsDecree'),
    ]);
  }
  if (input.stage === 'pengusulan') {
    const req = requirementsFor(db, input.opd, Number(input.date.slice(0, 4)));
    if (!req.met)
      throw ApiError.problem(
        'REJECTED',
        'integrity.stage.requirementsNotMet',
        { opd: input.opd, year: req.year },
        req.issues,
      );
  }
  const { id } = db
    .insert(ziStages)
    .values({
      opdKode: input.opd,
      stage: input.stage,
      date: input.date,
      note: input.note,
      tpiScore: input.stage === 'penilaian_internal' ? input.tpiScore : null,
      predicate: input.stage === 'ditetapkan' ? input.predicate : null,
      decreeNumber: input.stage === 'ditetapkan' ? input.decreeNumber : null,
      decreeDate: input.stage === 'ditetapkan' ? input.decreeDate : null,
      createdAt: now(),
      createdBy: actor.username,
    })
    .returning({ id: ziStages.id })
    .get();
  for (const doc of documents)
    db.insert(ziStageDocuments)
      .values({ stageId: id, fileId: recordFile(db, doc) })
      .run();
  return { id, opd: input.opd, from: current?.stage ?? null, stage: input.stage };
}

/** The whole road of one OPD, oldest first, with documents, and what may come next. */
export function stageHistory(db: Db, opdKode: string) {
  getOpd(db, opdKode);
  const steps = db.$client
    .prepare(
      `SELECT s.id, s.stage, s.date, s.note, s.tpi_score AS tpiScore, s.predicate, s.decree_number AS decreeNumber,
              s.decree_date AS decreeDate, s.created_by AS createdBy,
              (SELECT json_group_array(json_object('id', f.id, 'name', f.name)) FROM zi_stage_documents d JOIN integrity_files f ON f.id = d.file_id WHERE d.stage_id = s.id) AS documents
         FROM zi_stages s WHERE s.opd_kode = ? ORDER BY s.id`,
    )
    .all(opdKode) as {
    id: number;
    stage: Stage;
    date: string;
    note: string;
    tpiScore: number | null;
    predicate: string | null;
    decreeNumber: string | null;
    decreeDate: string | null;
    createdBy: string;
    documents: string;
  }[];
  const history = steps.map((s) => ({ ...s, documents: JSON.parse(s.documents) as { id: number; name: string }[] }));
  return { history, current: history.at(-1)?.stage ?? null, next: allowedNext(history.at(-1)?.stage ?? null) };
}
