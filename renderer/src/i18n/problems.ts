import i18next from 'i18next';
import { problemText, type ProblemParams } from '../../../common/problems/index';
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
  const name =
    field
      .split('.')
      .filter((part) => !/^\d+$/.test(part))
      .at(-1) ?? field;
  const key = `field.${name}`;
  return i18next.exists(key) ? i18next.t(key) : field;
}

function withLabels(params: ProblemParams | undefined): ProblemParams | undefined {
  if (!params || typeof params.field !== 'string') return params;
  return { ...params, field: fieldLabel(params.field) };
}

/**
 * A problem in the UI's language. An error without a catalogue key shows its English message only in
 * the English UI; the Indonesian UI says what kind of problem it is (by its code) instead.
 */
export function explain(problem: Explainable | unknown): string {
  const language: ProblemLanguage = i18next.language === 'en' ? 'en' : 'id';
  if (typeof problem !== 'object' || problem === null) return String(problem);
  const { key, params, message, code } = problem as Partial<Explainable>;
  if (key) return problemText(language, key, withLabels(params), message);
  if (language === 'en') return message ?? String(problem);
  return problemText('id', BY_CODE[code ?? ''] ?? 'general.internal');
}
