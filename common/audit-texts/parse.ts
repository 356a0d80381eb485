import { fillTemplate } from '../problems/define.js';
import { AUDIT_TEXTS, type AuditTextParams } from './index.js';

/**
 * Reads an English summary back into its key and parameters, for entries written before summaries
 * had keys (migration 0016 backfills them). A summary is read only when one template of the
 * operation's feature gives exactly these words again, so what the UI then says in Indonesian is the
 * entry's own meaning; anything else stays as stored.
 */
export interface ParsedSummary {
  key: string;
  params: AuditTextParams;
}

interface Template {
  key: string;
  names: { name: string; raw: boolean }[];
  /** The template's own words around and between the placeholders, in order (one more than the names). */
  literals: string[];
  /** How many characters of the template are its own words: the more, the more specific. */
  words: number;
  /**
   * The Indonesian template has the same placeholders in the same order with the same words between
   * them (`{{date}} {{place}}: …`): however a name with spaces splits, both languages say the same.
   */
  sameMiddle: boolean;
  /** Finds the words between the placeholders anywhere in a summary. */
  between: RegExp;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*(?:,\s*(raw))?\s*\}\}/g;
const EN_NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

const shape = (text: string) => ({
  names: [...text.matchAll(PLACEHOLDER)].map((m) => ({ name: m[1], raw: m[2] === 'raw' })),
  literals: text.split(PLACEHOLDER).filter((_, i) => i % 3 === 0),
});

function template(key: string, text: string): Template {
  const { names, literals } = shape(text);
  const id = shape(AUDIT_TEXTS.id[key]);
  const sameMiddle =
    JSON.stringify([id.names, id.literals.slice(1, -1)]) === JSON.stringify([names, literals.slice(1, -1)]);
  const escaped = literals.slice(1, -1).map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return { key, names, literals, words: literals.join('').length, sameMiddle, between: new RegExp(escaped.join('|')) };
}

/** The templates by feature (`census.*` …). */
const TEMPLATES = new Map<string, Template[]>();
for (const [key, text] of Object.entries(AUDIT_TEXTS.en)) {
  const feature = key.split('.')[0];
  TEMPLATES.set(feature, [...(TEMPLATES.get(feature) ?? []), template(key, text)]);
}

/** The feature whose keys an operation writes: `census.sls.import` → `census.*`; the restore writes `backup.*`. */
const featureOf = (operation: string) => (operation === 'restore' ? 'backup' : operation.split('.')[0]);

/**
 * The placeholders' text when each of the template's own words is taken at its first place (`fromLeft`)
 * or at its last: every other reading lies between the two, so when they agree it is the only one.
 */
function captures(t: Template, summary: string, fromLeft: boolean): string[] | null {
  const { literals } = t;
  const first = literals[0];
  const last = literals[literals.length - 1];
  if (literals.length === 1) return summary === first ? [] : null;
  if (!summary.startsWith(first) || !summary.endsWith(last)) return null;
  const start = first.length;
  const end = summary.length - last.length;
  if (end < start) return null;
  const middle = literals.slice(1, -1);
  const found: string[] = [];
  if (fromLeft) {
    let at = start;
    for (const literal of middle) {
      const next = summary.indexOf(literal, at);
      if (next < 0 || next + literal.length > end) return null;
      found.push(summary.slice(at, next));
      at = next + literal.length;
    }
    found.push(summary.slice(at, end));
    return found;
  }
  let at = end;
  for (const literal of middle.reverse()) {
    const next = summary.lastIndexOf(literal, at - literal.length);
    if (next < start) return null;
    found.unshift(summary.slice(next + literal.length, at));
    at = next;
  }
  found.unshift(summary.slice(start, at));
  return found;
}

/** A number as the English template wrote it ("5,415", "85.5") back as a number; other words stay text. */
function paramValue(text: string, raw: boolean): string | number {
  // A raw placeholder wrote digits as they are (ids, years, a size in bytes the Indonesian text groups).
  if (raw) return /^-?(0|[1-9]\d*)$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : text;
  if (!/^-?[\d,]+(\.\d+)?$/.test(text)) return text;
  if (/^-?(0|[1-9]\d{0,2})$/.test(text)) return Number(text); // below 1,000: written the same either way
  const value = Number(text.replaceAll(',', ''));
  return Number.isFinite(value) && EN_NUMBER.format(value) === text ? value : text;
}

function parsedBy(t: Template, summary: string): AuditTextParams | null {
  const shortest = captures(t, summary, true);
  const longest = shortest && captures(t, summary, false);
  if (!shortest || !longest) return null;
  // Several readings (a place "Balai Desa" after a date): taken only when every one says the same
  // words, i.e. the same middle in both languages and no piece a reading could take as a number
  // whose separators the languages write differently (5,415 / 5.415).
  if (shortest.some((capture, i) => capture !== longest[i])) {
    const middle = summary.slice(t.literals[0].length, summary.length - t.literals[t.literals.length - 1].length);
    const renumbered = middle
      .split(t.between)
      .some((piece) => /[.,]/.test(piece) && paramValue(piece, false) !== piece);
    if (!t.sameMiddle || renumbered) return null;
  }
  const params: AuditTextParams = {};
  for (const [i, { name, raw }] of t.names.entries()) {
    const value = paramValue(shortest[i], raw);
    if (Object.hasOwn(params, name) && params[name] !== value) return null;
    params[name] = value;
  }
  return fillTemplate(AUDIT_TEXTS.en[t.key], params, 'en') === summary ? params : null;
}

/**
 * The key and parameters of a stored English summary, or null when no template of the operation's
 * feature reads it exactly once. Several templates can read the same words ("inherited → 5" is
 * `participation.targetSet` with before "inherited" and `participation.targetSetFromInherited`): the
 * one with more words of its own wins, and a tie that would say different things is not read.
 */
export function parseAuditSummary(operation: string, summary: string): ParsedSummary | null {
  const read = (TEMPLATES.get(featureOf(operation)) ?? [])
    .map((t) => ({ t, params: parsedBy(t, summary) }))
    .filter((r): r is { t: Template; params: AuditTextParams } => r.params !== null);
  const most = Math.max(...read.map((r) => r.t.words));
  const best = read.filter((r) => r.t.words === most);
  const said = new Set(best.map((r) => fillTemplate(AUDIT_TEXTS.id[r.t.key], r.params, 'id')));
  return best.length > 0 && said.size === 1 ? { key: best[0].t.key, params: best[0].params } : null;
}
