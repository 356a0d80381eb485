import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROBLEM_TEXTS } from '../../common/problems/index.js';

const RENDERER = join(import.meta.dirname, '../../renderer/src');

type Catalogue = { id: Record<string, string>; en: Record<string, string> };
// The renderer is built by Vite (imports without extensions), so its modules are loaded by path here.
const rendererModule = (path: string) => import(join(RENDERER, path));
const { MESSAGE_CATALOGUES } = (await rendererModule('i18n/index.ts')) as { MESSAGE_CATALOGUES: Catalogue[] };
const { GRID_LOCALE } = (await rendererModule('components/grid-locale.ts')) as { GRID_LOCALE: Catalogue };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const messages = (language: 'id' | 'en') => Object.assign({}, ...MESSAGE_CATALOGUES.map((m) => m[language]));

describe('the catalogues', () => {
  it('every problem key has non-empty Indonesian and English text', () => {
    for (const key of new Set([...Object.keys(PROBLEM_TEXTS.id), ...Object.keys(PROBLEM_TEXTS.en)])) {
      expect(PROBLEM_TEXTS.id[key]?.trim(), `id ${key}`).toBeTruthy();
      expect(PROBLEM_TEXTS.en[key]?.trim(), `en ${key}`).toBeTruthy();
    }
  });

  it('every messages key has non-empty Indonesian and English text in each feature', () => {
    for (const catalogue of MESSAGE_CATALOGUES) {
      expect(Object.keys(catalogue.id).sort()).toEqual(Object.keys(catalogue.en).sort());
      for (const key of Object.keys(catalogue.en)) {
        expect(catalogue.id[key]?.trim(), `id ${key}`).toBeTruthy();
        expect(catalogue.en[key]?.trim(), `en ${key}`).toBeTruthy();
      }
    }
  });

  it('AG Grid never says "No Rows To Show" in Indonesian', () => {
    expect(GRID_LOCALE.id.noRowsToShow).toBe('Belum ada data');
    expect(Object.values(GRID_LOCALE.id)).not.toContain('No Rows To Show');
  });

  it("every literal t('…') key in renderer/ exists in both languages, and every built key's prefix does", () => {
    const id = messages('id');
    const en = messages('en');
    const missing: string[] = [];
    const prefixes: string[] = [];
    for (const file of sourceFiles(RENDERER)) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/\bt\(\s*'([^']+)'/g)) {
        const key = match[1];
        if (!(key in id) || !(key in en)) missing.push(`${file.slice(RENDERER.length)}: ${key}`);
      }
      for (const match of source.matchAll(/\bt\(\s*`([a-zA-Z.]+)\.\$\{/g)) {
        const prefix = `${match[1]}.`;
        if (!Object.keys(id).some((k) => k.startsWith(prefix)) || !Object.keys(en).some((k) => k.startsWith(prefix)))
          prefixes.push(`${file.slice(RENDERER.length)}: ${prefix}`);
      }
    }
    expect(missing).toEqual([]);
    expect(prefixes).toEqual([]);
  });
});
