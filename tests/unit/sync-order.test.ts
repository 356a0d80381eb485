// Importing the same set of packages in any order gives the same final state.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bloraBackend } from '../support/backend.js';
import { seedAssignments, seedOfficer, seedSampleSlsMaster } from '../support/census-seed.js';
import { tempDir } from '../support/office-process.js';
import { household, householdsOf, writePackage, type Household } from '../support/sync-packages.js';

const slsIds = ['3316012001000100', '3316012001000200', '3316012001000300'];

/** Six packages overlapping in every way rules 4 and 5 distinguish. */
async function writePackages(dir: string): Promise<string[]> {
  const base = [...householdsOf(slsIds, 20)];
  const rev2 = base.slice(0, 20).map((h, i) => ({ ...household(h.sls_id, i + 1, 2, i + 500) }));
  const specs: { officer: string; lines: Household[] }[] = [
    { officer: 'PPL-A', lines: base },
    { officer: 'PPL-A', lines: rev2 },
    { officer: 'PPL-B', lines: base.slice(40, 50).map((h) => ({ ...h, revision: 3, status: 'complete' as const })) },
    { officer: 'PPL-A', lines: base.slice(10, 30) },
    // Same revision as rev2, different content for two households: conflicts.
    { officer: 'PPL-A', lines: rev2.slice(0, 2).map((h) => ({ ...h, members: h.members + 1, male: h.male + 1 })) },
    { officer: 'PPL-A', lines: base.slice(0, 5) },
  ];
  const files: string[] = [];
  for (const [i, spec] of specs.entries()) {
    const file = path.join(dir, `p${i}.spsync`);
    await writePackage(file, spec);
    files.push(file);
  }
  return files;
}

/** The office's state: households (their provenance aside: an identical record from another package is a no-op) and open conflicts as unordered pairs. */
async function finalState(files: string[]) {
  const backend = await bloraBackend();
  const db = backend.database.db;
  await seedSampleSlsMaster(db);
  seedOfficer(db, 'PPL-A');
  seedOfficer(db, 'PPL-B');
  seedAssignments(db, 'PPL-A', slsIds);
  for (const file of files)
    expect((await backend.call('sync.import', { file: { path: file } })).status).toBe('imported');
  const content = (s: string, m: number, ma: number, f: number, v: string) => JSON.stringify([s, m, ma, f, v]);
  const conflicts = (await backend.call('sync.conflicts', {})).map((c) => ({
    household: c.householdId,
    revision: c.revision,
    pair: [
      content(c.storedStatus, c.storedMembers, c.storedMale, c.storedFemale, c.storedVisitedAt),
      content(c.incomingStatus, c.incomingMembers, c.incomingMale, c.incomingFemale, c.incomingVisitedAt),
    ].sort(),
  }));
  const conflicted = new Set(conflicts.map((c) => c.household));
  const households = backend.database.sqlite
    .prepare(
      'SELECT household_id, sls_id, status, members, male, female, visited_at, revision, officer_code, flagged FROM households ORDER BY household_id',
    )
    .all() as {
    household_id: string;
    status: string;
    members: number;
    male: number;
    female: number;
    visited_at: string;
  }[];
  // Which side of an open conflict is shown depends on arrival; the pair is what a person resolves.
  for (const h of households) {
    if (!conflicted.has(h.household_id)) continue;
    const pair = conflicts.find((c) => c.household === h.household_id)!.pair;
    expect(pair).toContain(content(h.status, h.members, h.male, h.female, h.visited_at));
    Object.assign(h, { status: '*', members: 0, male: 0, female: 0, visited_at: '*' });
  }
  backend.close();
  return { households, conflicts: conflicts.sort((a, b) => a.household.localeCompare(b.household)) };
}

function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('field sync: order of arrival does not matter', () => {
  it('gives the same households and conflicts for any order of the same packages', async () => {
    const files = await writePackages(tempDir());
    const reference = await finalState(files);
    expect(reference.households).toHaveLength(60);
    expect(reference.conflicts).toHaveLength(2);
    expect(reference.households.filter((h) => (h as { flagged?: number }).flagged === 1)).toHaveLength(10);
    for (const order of [[...files].reverse(), shuffled(files, 7), shuffled(files, 42)]) {
      expect(await finalState(order)).toEqual(reference);
    }
  }, 120_000);
});
