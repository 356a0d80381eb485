// The process boundaries, checked on every source file's imports (run by `npm test` before the
// type-check). The renderer runs in a sandboxed window: it may see the backend only through the
// types of the API (`electron/api/types`), and shares only pure code (`common/`) with it.
import path from 'node:path';

export interface SourceFile {
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  text: string;
}

export interface Crossing {
  file: string;
  line: number;
  specifier: string;
  rule: string;
}

interface ImportRef {
  line: number;
  specifier: string;
  typeOnly: boolean;
}

const NODE_ONLY =
  /^(node:|electron$|better-sqlite3$|drizzle-orm|drizzle-kit|exceljs$|pdfkit$|yauzl$|saxes$|papaparse$)/;
const BUILTINS = new Set([
  'fs',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'crypto',
  'http',
  'net',
  'stream',
  'url',
  'zlib',
]);

/** Every `import … from`, `export … from`, `import('…')` and `require('…')` of a file. */
export function importsOf(text: string): ImportRef[] {
  const refs: ImportRef[] = [];
  const statement = /^\s*(import|export)\s+(type\s+)?[^'";]*?\bfrom\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;
  const dynamic = /\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g;
  const lineOf = (index: number) => text.slice(0, index).split('\n').length;
  for (const match of text.matchAll(statement)) {
    const specifier = match[3] ?? match[4];
    const typeOnly =
      Boolean(match[2]) ||
      /^\s*(import|export)\s*\{\s*(type\s+[\w$]+(\s+as\s+[\w$]+)?\s*,?\s*)+\}\s*from/.test(match[0]);
    refs.push({ line: lineOf(match.index), specifier, typeOnly });
  }
  for (const match of text.matchAll(dynamic))
    refs.push({ line: lineOf(match.index), specifier: match[1], typeOnly: false });
  return refs;
}

function sideOf(file: string): 'renderer' | 'common' | 'backend' | 'schema' | 'other' {
  if (file.startsWith('renderer/src/')) return 'renderer';
  if (file.startsWith('common/')) return 'common';
  if (file.startsWith('electron/')) return 'backend';
  if (file.startsWith('drizzle/')) return 'schema';
  return 'other';
}

/** The repository path an import points at (extension dropped), or null for a package. */
function target(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  return path.posix
    .normalize(path.posix.join(path.posix.dirname(file), specifier))
    .replace(/\.(js|mjs|cjs|ts|tsx)$/, '');
}

export function findCrossings(files: SourceFile[]): Crossing[] {
  const crossings: Crossing[] = [];
  for (const { file, text } of files) {
    const side = sideOf(file);
    if (side === 'other') continue;
    for (const ref of importsOf(text)) {
      const to = target(file, ref.specifier);
      const toSide = to === null ? null : sideOf(`${to}.ts`);
      const cross = (rule: string) => crossings.push({ file, line: ref.line, specifier: ref.specifier, rule });
      const nodeOnly = to === null && (NODE_ONLY.test(ref.specifier) || BUILTINS.has(ref.specifier));
      if (side === 'renderer') {
        if (nodeOnly && !ref.typeOnly) cross('the renderer runs in a sandboxed window: no Node or backend packages');
        if (toSide === 'backend' && to !== 'electron/api/types')
          cross('the renderer may import from the backend only electron/api/types');
        if (toSide === 'backend' && !ref.typeOnly) cross('imports across sides are type-only (import type …)');
        if (toSide === 'schema') cross('the renderer knows nothing of the database schema');
        if (to !== null && toSide === 'other')
          cross('the renderer imports only renderer/src, common/ and electron/api/types');
      }
      if (side === 'common') {
        if (nodeOnly) cross('common/ is pure code both sides run: no Node or backend packages');
        if (toSide !== null && toSide !== 'common') cross('common/ imports only common/');
      }
      if ((side === 'backend' || side === 'schema') && toSide === 'renderer')
        cross('the backend never imports the renderer');
    }
  }
  return crossings;
}
