import i18next from 'i18next';
import { problemText, type ProblemParams } from '../../../common/problems/index';
import type { ProblemLanguage } from '../../../common/problems/define';

/** Anything that may carry a catalogue key: an API error, one of its issues, a plain Error. */
export interface Explainable {
  key?: string;
  params?: ProblemParams;
  message: string;
}

/** A problem in the UI's language (the English message where it has no catalogue key yet). */
export function explain(problem: Explainable | unknown): string {
  const language: ProblemLanguage = i18next.language === 'en' ? 'en' : 'id';
  if (typeof problem !== 'object' || problem === null) return String(problem);
  const { key, params, message } = problem as Partial<Explainable>;
  return key ? problemText(language, key, params, message) : (message ?? String(problem));
}
