import { asc, count, eq, inArray, max } from 'drizzle-orm';
import {
  declarationEvents,
  declarationOpd,
  declarationWitnesses,
  integrityFiles,
  opd,
  ziStages,
} from '../../../drizzle/schema/index.js';
import type { Actor } from '../../api/define.js';
import { ApiError, problemIssue } from '../../api/errors.js';
import type { Db } from '../../db/open.js';
import { now } from './common.js';
import { recordFile, type StagedFile } from './files.js';

export interface DeclarationInput {
  date: string;
  place: string;
  note: string;
  opd: string[];
  witnesses: { nama: string; jabatan: string }[];
}

/**
 * Records a pencanangan ceremony. OPD taking part that have no stage yet enter "pencanangan" on the
 * event's date, so the stage history starts with the declaration.
 */
export function createDeclaration(db: Db, input: DeclarationInput, document: StagedFile | null, actor: Actor) {
  const known = new Set(
    db
      .select({ kode: opd.kode })
      .from(opd)
      .where(inArray(opd.kode, input.opd))
      .all()
      .map((o) => o.kode),
  );
  const unknown = input.opd.filter((k) => !known.has(k));
  if (unknown.length)
    throw ApiError.problem(
      'REJECTED',
      'integrity.declaration.unknownOpd',
      { opd: unknown.join(', ') },
      unknown.map((k) => problemIssue(null, 'opd', 'integrity.declaration.unknownOpd', { opd: k })),
    );
  const documentId = document ? recordFile(db, document) : null;
  const at = now();
  const { id } = db
    .insert(declarationEvents)
    .values({ date: input.date, place: input.place, note: input.note, documentId, createdAt: at })
    .returning({ id: declarationEvents.id })
    .get();
  const stagesOf = (kode: string) =>
    db.select({ n: count() }).from(ziStages).where(eq(ziStages.opdKode, kode)).get()?.n ?? 0;
  let started = 0;
  for (const kode of new Set(input.opd)) {
    db.insert(declarationOpd).values({ eventId: id, opdKode: kode }).run();
    if (stagesOf(kode) === 0) {
      db.insert(ziStages)
        .values({
          opdKode: kode,
          stage: 'pencanangan',
          date: input.date,
          note: `${input.place} (#${id})`,
          createdAt: at,
          createdBy: actor.username,
        })
        .run();
      started++;
    }
  }
  for (const w of input.witnesses)
    db.insert(declarationWitnesses)
      .values({ eventId: id, ...w })
      .run();
  return { id, opd: known.size, witnesses: input.witnesses.length, started };
}

export function listDeclarations(db: Db) {
  const events = db
    .select()
    .from(declarationEvents)
    .orderBy(asc(declarationEvents.date), asc(declarationEvents.id))
    .all();
  const members = db.select().from(declarationOpd).all();
  const witnesses = db.select().from(declarationWitnesses).all();
  const files = db
    .select({ id: integrityFiles.id, name: integrityFiles.name, sha256: integrityFiles.sha256 })
    .from(integrityFiles)
    .all();
  return events.map((e) => ({
    ...e,
    opd: members.filter((m) => m.eventId === e.id).map((m) => m.opdKode),
    witnesses: witnesses.filter((w) => w.eventId === e.id).map(({ nama, jabatan }) => ({ nama, jabatan })),
    document: files.find((f) => f.id === e.documentId) ?? null,
  }));
}

export function declarationOf(db: Db, eventId: number) {
  const event = db.select().from(declarationEvents).where(eq(declarationEvents.id, eventId)).get();
  if (!event) throw ApiError.problem('REJECTED', 'integrity.notFound.declaration', { id: eventId });
  const members = db.select().from(declarationOpd).where(eq(declarationOpd.eventId, eventId)).all();
  return { ...event, opd: members.map((m) => m.opdKode) };
}

/** The latest declaration an OPD took part in, or null. */
export function lastDeclarationDate(db: Db, opdKode: string): string | null {
  const row = db
    .select({ date: max(declarationEvents.date) })
    .from(declarationEvents)
    .innerJoin(declarationOpd, eq(declarationOpd.eventId, declarationEvents.id))
    .where(eq(declarationOpd.opdKode, opdKode))
    .get();
  return row?.date ?? null;
}
