import { and, asc, eq } from 'drizzle-orm';
import {
  integrityFiles,
  lkeAnswers,
  lkeEvidence,
  lkeItems,
  lkePassMarks,
  type ZI_PREDICATES,
} from '../../../drizzle/schema/index.js';
import type { Db } from '../../db/open.js';
import { round2 } from '../../../common/numbers.js';
import { notFound, now } from './common.js';
import { expectNotStoredYet, updateVersioned } from '../../db/versioned.js';
import { recordFile, type StagedFile } from './files.js';
import { getOpd } from './registers.js';

/** The worksheet areas and pass marks in force (data, editable by an admin). */
export function lkeModel(db: Db) {
  return {
    items: db.select().from(lkeItems).orderBy(asc(lkeItems.sortOrder)).all(),
    passMarks: db.select().from(lkePassMarks).all(),
  };
}

export function updateLkeItem(db: Db, input: { id: number; nama: string; weight: number; version: number }) {
  const item =
    db.select().from(lkeItems).where(eq(lkeItems.id, input.id)).get() ??
    notFound('integrity.notFound.lkeArea', { id: input.id });
  updateVersioned(
    db,
    lkeItems,
    eq(lkeItems.id, input.id),
    input.version,
    { nama: input.nama, weight: input.weight },
    `LKE area ${item.code}`,
  );
  return { code: item.code, before: item.weight, after: input.weight };
}

export function updatePassMark(
  db: Db,
  input: { predicate: (typeof ZI_PREDICATES)[number]; minTotal: number; minPengungkit: number; version: number },
) {
  const mark =
    db.select().from(lkePassMarks).where(eq(lkePassMarks.predicate, input.predicate)).get() ??
    notFound('integrity.notFound.passMark', { predicate: input.predicate });
  updateVersioned(
    db,
    lkePassMarks,
    eq(lkePassMarks.predicate, input.predicate),
    input.version,
    { minTotal: input.minTotal, minPengungkit: input.minPengungkit },
    `Pass mark ${mark.predicate}`,
  );
  return { predicate: input.predicate, minTotal: input.minTotal, minPengungkit: input.minPengungkit };
}

/** One OPD's worksheet for a year: each area's answer, score (weight × achievement), evidence, the totals and the pass marks met. */
export function lkeSheet(db: Db, opdKode: string, year: number) {
  getOpd(db, opdKode);
  const { items, passMarks } = lkeModel(db);
  const answers = db
    .select()
    .from(lkeAnswers)
    .where(and(eq(lkeAnswers.opdKode, opdKode), eq(lkeAnswers.year, year)))
    .all();
  const evidence = db
    .select({ itemId: lkeEvidence.itemId, id: integrityFiles.id, name: integrityFiles.name })
    .from(lkeEvidence)
    .innerJoin(integrityFiles, eq(integrityFiles.id, lkeEvidence.fileId))
    .where(and(eq(lkeEvidence.opdKode, opdKode), eq(lkeEvidence.year, year)))
    .all();
  const rows = items.map((item) => {
    const answer = answers.find((a) => a.itemId === item.id);
    return {
      itemId: item.id,
      code: item.code,
      part: item.part,
      nama: item.nama,
      weight: item.weight,
      achievement: answer?.achievement ?? null,
      note: answer?.note ?? '',
      version: answer?.version ?? 0,
      score: round2(((answer?.achievement ?? 0) * item.weight) / 100),
      evidence: evidence.filter((e) => e.itemId === item.id).map(({ id, name }) => ({ id, name })),
    };
  });
  const pengungkit = round2(rows.filter((r) => r.part === 'pengungkit').reduce((s, r) => s + r.score, 0));
  const hasil = round2(rows.filter((r) => r.part === 'hasil').reduce((s, r) => s + r.score, 0));
  const total = round2(pengungkit + hasil);
  const verdicts = passMarks.map((m) => ({ ...m, passed: total >= m.minTotal && pengungkit >= m.minPengungkit }));
  return { opd: opdKode, year, rows, pengungkit, hasil, total, passMarks: verdicts };
}

export function answerLke(
  db: Db,
  input: { opd: string; year: number; itemId: number; achievement: number; note: string; version: number },
) {
  getOpd(db, input.opd);
  db.select().from(lkeItems).where(eq(lkeItems.id, input.itemId)).get() ??
    notFound('integrity.notFound.lkeArea', { id: input.itemId });
  const key = and(
    eq(lkeAnswers.opdKode, input.opd),
    eq(lkeAnswers.year, input.year),
    eq(lkeAnswers.itemId, input.itemId),
  )!;
  const existing = db.select().from(lkeAnswers).where(key).get();
  const values = { achievement: input.achievement, note: input.note, updatedAt: now() };
  if (existing) updateVersioned(db, lkeAnswers, key, input.version, values, 'LKE answer');
  else {
    expectNotStoredYet(input.version, 'LKE answer');
    db.insert(lkeAnswers)
      .values({ opdKode: input.opd, year: input.year, itemId: input.itemId, ...values })
      .run();
  }
  return lkeSheet(db, input.opd, input.year);
}

export function addLkeEvidence(db: Db, input: { opd: string; year: number; itemId: number }, files: StagedFile[]) {
  getOpd(db, input.opd);
  for (const file of files)
    db.insert(lkeEvidence)
      .values({ opdKode: input.opd, year: input.year, itemId: input.itemId, fileId: recordFile(db, file) })
      .run();
  return { added: files.length };
}
