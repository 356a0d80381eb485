import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../electron/api/define.js';
import { operations } from '../../electron/api/registry.js';

interface SourceFile {
  file: string;
  text: string;
}

/** Writing ops about the caller's own session (log in, log out, own password): every role may call them. */
const SESSION_OPS = Object.entries(operations)
  .filter(([, op]) => op.writes && (op.public || op.session))
  .map(([name]) => name);
const GUARDED_OPS = new Set(
  Object.entries(operations)
    .filter(([name, op]) => op.writes && !SESSION_OPS.includes(name))
    .map(([name]) => name),
);

/** The code without its comments, so an op named in a comment neither needs nor gives a guard. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"])\/\/.*$/gm, '$1');
}

/** The ops a file calls: `api('x.y', …)` (a screen's own call) or `useOperation('x.y', …)`. */
function calledOps(code: string): string[] {
  return [...code.matchAll(/\b(?:api|useOperation)\(\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

/**
 * Each writing op a file calls (`api('x.y', …)`) without a guard in the same
 * file: a `const g = useOpGuard('x.y')` whose `g` is then used (`g.props` spread on the control, `g.allowed`
 * deciding it, or `guard={g}` handed to the component that renders it), or `useOpGuard('x.y').allowed`.
 */
function unguarded(files: SourceFile[], writing: ReadonlySet<string>): string[] {
  const findings: string[] = [];
  for (const { file, text } of files) {
    const code = withoutComments(text);
    const named = new Set(calledOps(code));
    for (const op of [...named].filter((name) => writing.has(name)).sort()) {
      const quoted = `['"]${op.replaceAll('.', '\\.')}['"]`;
      const inline = new RegExp(`useOpGuard\\(${quoted}\\)\\.allowed`).test(code);
      const bound = [...code.matchAll(new RegExp(`const (\\w+) = useOpGuard\\(${quoted}\\)`, 'g'))].some(([, name]) =>
        new RegExp(`\\b${name}\\.(props|allowed)\\b|guard=\\{${name}\\}`).test(code),
      );
      if (!inline && !bound) findings.push(`${file}: ${op}`);
    }
  }
  return findings;
}

function rendererFiles(dir = 'renderer/src'): SourceFile[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return rendererFiles(file);
    return /\.tsx?$/.test(entry.name) ? [{ file, text: fs.readFileSync(file, 'utf8') }] : [];
  });
}

describe('every control that calls a writing op knows who is looking', () => {
  it('finds a writing op called without its guard, a guard never used, and a guard for another op', () => {
    const writing = new Set(['census.sls.import', 'census.sls.update']);
    const files = [
      { file: 'a.tsx', text: "onClick={() => api('census.sls.update', { slsId })}" },
      {
        file: 'b.tsx',
        text: "const guard = useOpGuard('census.sls.update');\nonClick={() => api('census.sls.update', {})}",
      },
      {
        file: 'c.tsx',
        text: "const g = useOpGuard('census.sls.import');\n<button {...g.props} onClick={() => api('census.sls.update', {})} />",
      },
      { file: 'd.tsx', text: "// api('census.sls.update') is called elsewhere\napi('census.sls.list', {})" },
      {
        file: 'e.tsx',
        text: "t('census.sls.update'); const g = useOpGuard('census.sls.import'); api(\n  'census.sls.import', {})",
      },
    ];
    expect(unguarded(files, writing)).toEqual([
      'a.tsx: census.sls.update',
      'b.tsx: census.sls.update',
      'c.tsx: census.sls.update',
      'e.tsx: census.sls.import',
    ]);
  });

  it('accepts a guard spread on the control, deciding it, or handed to the panel that renders it', () => {
    const writing = new Set(['census.sls.import', 'census.sls.update', 'settings.set']);
    const files = [
      {
        file: 'a.tsx',
        text: "const g = useOpGuard('census.sls.update');\n<button {...g.props} disabled={!g.allowed} />",
      },
      { file: 'b.tsx', text: "const slsGuard = useOpGuard('census.sls.import');\n<ImportPanel guard={slsGuard} />" },
      { file: 'c.tsx', text: "const can = useOpGuard('settings.set').allowed; api('settings.set', {})" },
    ];
    expect(unguarded(files, writing)).toEqual([]);
  });

  it('holds for every renderer file, which between them call the writing ops of every feature', () => {
    const files = rendererFiles();
    expect(unguarded(files, GUARDED_OPS)).toEqual([]);
    const called = new Set(
      files.flatMap(({ text }) => calledOps(withoutComments(text))).filter((n) => GUARDED_OPS.has(n)),
    );
    // The scan sees the screens' calls (it cannot pass by finding none): most writing ops have a control.
    expect(called.size).toBeGreaterThanOrEqual(30);
    expect(called).toContain('census.assignments.assign');
    expect(called).toContain('integrity.pact.sign');
  });

  it('sees every call: outside the generic client, a screen names the op it calls', () => {
    // The import panels' helper names `<feature>.importColumns` / `.importTemplate` by feature: both only read.
    for (const feature of ['census', 'integrity', 'participation'])
      for (const name of [`${feature}.importColumns`, `${feature}.importTemplate`])
        expect((operations as Record<string, { writes: boolean }>)[name]?.writes, name).toBe(false);
    const generic = new Set(
      [
        'renderer/src/api/client.ts',
        'renderer/src/api/use-operation.ts',
        'renderer/src/components/import-expectations.ts',
      ].map(path.normalize),
    );
    const byVariable = rendererFiles()
      .filter(({ file }) => !generic.has(path.normalize(file)))
      .filter(({ text }) => /\b(?:api|useOperation)\(\s*[^'"\s]/.test(withoutComments(text)))
      .map(({ file }) => file);
    expect(byVariable).toEqual([]);
  });

  it('exempts only session ops, which every role may call', () => {
    expect(SESSION_OPS.length).toBeGreaterThan(0);
    for (const name of SESSION_OPS)
      expect([...operations[name as keyof typeof operations].roles].sort()).toEqual([...ROLES].sort());
  });
});
