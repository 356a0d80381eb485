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
  shortest: RegExp;
  longest: RegExp;
  /** How many characters of the template are its own words: the more, the more specific. */
  words: number;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*(?:,\s*(raw))?\s*\}\}/g;
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const EN_NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

function template(key: string, text: string): Template {
  const names = [...text.matchAll(PLACEHOLDER)].map((m) => ({ name: m[1], raw: m[2] === 'raw' }));
  const literals = text.split(PLACEHOLDER).filter((_, i) => i % 3 === 0);
  const pattern = (capture: string) => new RegExp(`^${literals.map(escaped).join(capture)}$`, 'u');
  return {
    key,
    names,
    shortest: pattern('([\\s\\S]*?)'),
    longest: pattern('([\\s\\S]*)'),
    words: literals.join('').length,
  };
}

const TEMPLATES = Object.entries(AUDIT_TEXTS.en).map(([key, text]) => template(key, text));

/** The feature whose keys an operation writes: `census.sls.import` → `census.*`; the restore writes `backup.*`. */
const featureOf = (operation: string) => (operation === 'restore' ? 'backup' : operation.split('.')[0]);

/** A number as the English template wrote it ("5,415", "85.5") back as a number; other words stay text. */
function paramValue(text: string, raw: boolean): string | number {
  if (raw || !/^-?[\d,]+(\.\d+)?$/.test(text)) return text;
  const value = Number(text.replaceAll(',', ''));
  return Number.isFinite(value) && EN_NUMBER.format(value) === text ? value : text;
}

function parsedBy(t: Template, summary: string): AuditTextParams | null {
  const shortest = t.shortest.exec(summary);
  const longest = t.longest.exec(summary);
  if (!shortest || !longest || shortest.some((capture, i) => capture !== longest[i])) return null;
  const params: AuditTextParams = {};
  for (const [i, { name, raw }] of t.names.entries()) {
    const value = paramValue(shortest[i + 1], raw);
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
  const feature = featureOf(operation);
  const read = TEMPLATES.filter((t) => t.key.split('.')[0] === feature)
    .map((t) => ({ t, params: parsedBy(t, summary) }))
    .filter((r): r is { t: Template; params: AuditTextParams } => r.params !== null);
  const most = Math.max(...read.map((r) => r.t.words));
  const best = read.filter((r) => r.t.words === most);
  const said = new Set(best.map((r) => fillTemplate(AUDIT_TEXTS.id[r.t.key], r.params, 'id')));
  return best.length > 0 && said.size === 1 ? { key: best[0].t.key, params: best[0].params } : null;
}
