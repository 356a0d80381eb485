import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROBLEM_TEXTS } from '../../common/problems/index.js';

const RENDERER = path.resolve('renderer/src');
type Texts = { id: Record<string, string>; en: Record<string, string> };

function sourceFiles(dir: string, match: (name: string) => boolean): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full, match);
    return match(entry.name) ? [full] : [];
  });
}

/** Every `messages.ts` under renderer/src, loaded as the app loads it (a new one is covered without a list). */
async function messageCatalogues(): Promise<Map<string, Texts>> {
  const found = new Map<string, Texts>();
  for (const file of sourceFiles(RENDERER, (name) => name === 'messages.ts')) {
    const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const catalogues = Object.values(module).filter(
      (v): v is Texts => typeof v === 'object' && v !== null && 'id' in v,
    );
    expect(catalogues.length, file).toBeGreaterThan(0);
    for (const c of catalogues) found.set(path.relative(RENDERER, file), c);
  }
  return found;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

function expectBothLanguages(texts: Texts, where: string) {
  expect(Object.keys(texts.id).sort(), where).toEqual(Object.keys(texts.en).sort());
  for (const key of Object.keys(texts.en)) {
    expect(texts.id[key]?.trim(), `${where}: id text of ${key}`).toBeTruthy();
    expect(texts.en[key]?.trim(), `${where}: en text of ${key}`).toBeTruthy();
    expect(placeholders(texts.id[key]), `${where}: placeholders of ${key}`).toEqual(placeholders(texts.en[key]));
  }
}

/** The first argument of every `t(` call in the renderer's source, as written. */
function translationCalls(): { file: string; argument: string }[] {
  const calls: { file: string; argument: string }[] = [];
  // keys.typecheck.ts names missing keys on purpose: the compiler must refuse them.
  for (const file of sourceFiles(RENDERER, (name) => /\.tsx?$/.test(name) && !name.endsWith('.typecheck.ts'))) {
    const source = fs.readFileSync(file, 'utf8');
    for (const m of source.matchAll(/(?<![\w.$])t\(\s*([^,)]+)/g))
      calls.push({ file: path.relative(RENDERER, file), argument: m[1].trim() });
  }
  return calls;
}

describe('every text on screen exists in Indonesian and English', () => {
  it('every problem key has id and en text with the same placeholders', () => {
    expectBothLanguages(PROBLEM_TEXTS, 'common/problems');
  });

  it('every messages.ts has id and en text for each key, and the app loads each of them', async () => {
    const catalogues = await messageCatalogues();
    expect(catalogues.size).toBeGreaterThan(5);
    const index = fs.readFileSync(path.join(RENDERER, 'i18n/index.ts'), 'utf8');
    for (const [file, texts] of catalogues) {
      expectBothLanguages(texts, file);
      const imported = `./${path.relative(path.join(RENDERER, 'i18n'), path.join(RENDERER, file))}`.replace(
        /^\.\/\.\./,
        '..',
      );
      expect(index, `${file} is not added to renderer/src/i18n/index.ts`).toContain(
        `'${imported.replace(/\.ts$/, '')}'`,
      );
    }
  });

  it('every t() key written as a literal exists in both languages; a built key starts like some real key', async () => {
    const known = new Map<string, Texts>();
    for (const texts of (await messageCatalogues()).values())
      for (const key of Object.keys(texts.en)) known.set(key, texts);
    const has = (key: string) => known.get(key)?.id[key] !== undefined && known.get(key)?.en[key] !== undefined;
    const calls = translationCalls();
    expect(calls.length).toBeGreaterThan(100);
    const missing: string[] = [];
    const literals = (text: string) => [...text.matchAll(/'([^']+)'|"([^"]+)"/g)].map((m) => m[1] ?? m[2]);
    for (const { file, argument } of calls) {
      if (argument.startsWith('`')) {
        // `integrity.stage.${s}`: the fixed part must lead to at least one real key.
        const prefix = argument.slice(1).split('${')[0];
        if (!prefix || ![...known.keys()].some((key) => key.startsWith(prefix))) missing.push(`${file}: ${argument}`);
        continue;
      }
      // 'a.b', or a choice between literals (cond ? 'a.b' : 'a.c'): each one must exist.
      for (const key of literals(argument.includes('?') ? argument.slice(argument.indexOf('?')) : argument))
        if (!has(key)) missing.push(`${file}: ${key}`);
    }
    expect(missing).toEqual([]);
  });
});
