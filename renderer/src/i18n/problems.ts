import i18next from 'i18next';
import { isProblemKey, problemText, type ProblemParams } from '../../../common/problems/index';
import { reportUntranslated } from './untranslated';
import type { ProblemLanguage } from '../../../common/problems/define';

/** Anything that may carry a catalogue key: an API error, one of its issues, a plain Error. */
export interface Explainable {
  key?: string;
  params?: ProblemParams;
  message: string;
  code?: string;
}

/** What to say in Indonesian when an error carries no catalogue key: never its English developer text. */
const BY_CODE: Record<string, string> = {
  UNKNOWN_OPERATION: 'general.unknownOperation',
  INVALID_INPUT: 'general.invalidInput',
  REJECTED: 'general.rejected',
  NOT_FOUND: 'general.notFound',
  CONFLICT: 'general.conflict',
  FORBIDDEN: 'general.forbidden',
  UNAUTHENTICATED: 'general.unauthenticated',
};

/** An input's field (a path like `place` or `rows.0.date`) by the label the screen shows (`field.place`). */
function fieldLabel(field: string): string {
  if (i18next.exists(`settings.setting.${field}`)) return i18next.t(`settings.setting.${field}`);
  const name =
    field
      .split('.')
      .filter((part) => !/^\d+$/.test(part))
      .at(-1) ?? field;
  const key = `field.${name}`;
  return i18next.exists(key) ? i18next.t(key) : field;
}

/** Parameters that hold internal codes, said by their label (`integrity.stage.pembangunan` → "Pembangunan"). */
const CODE_LABELS: Record<string, string> = {
  current: 'integrity.stage',
  stage: 'integrity.stage',
  allowed: 'integrity.stage',
  role: 'role',
};

function codeLabel(prefix: string, value: string): string {
  return value
    .split(', ')
    .map((code) => (i18next.exists(`${prefix}.${code}`) ? i18next.t(`${prefix}.${code}`) : code))
    .join(', ');
}

function withLabels(params: ProblemParams | undefined): ProblemParams | undefined {
  if (!params) return params;
  const said: ProblemParams = { ...params };
  if (typeof params.field === 'string') said.field = fieldLabel(params.field);
  for (const [name, prefix] of Object.entries(CODE_LABELS))
    if (typeof params[name] === 'string') said[name] = codeLabel(prefix, params[name]);
  return said;
}

/**
 * A problem in the UI's language. An error without a catalogue key shows its English message only in
 * the English UI; the Indonesian UI says what kind of problem it is (by its code) instead.
 */
export function explain(problem: Explainable | unknown): string {
  const language: ProblemLanguage = i18next.language === 'en' ? 'en' : 'id';
  if (typeof problem !== 'object' || problem === null) return String(problem);
  const { key, params, message, code } = problem as Partial<Explainable>;
  if (key && isProblemKey(key)) return problemText(language, key, withLabels(params), message);
  reportUntranslated(
    key ? 'problem key without text' : 'error without a problem key',
    `${key ?? code ?? ''} ${message ?? ''}`,
  );
  if (language === 'en') return message ?? String(problem);
  return problemText('id', BY_CODE[code ?? ''] ?? 'general.internal');
}
