import { fillTemplate, mergeCatalogues, type ProblemLanguage, type ProblemParams } from './define.js';
import { censusProblems } from './census.js';
import { exportProblems } from './exports.js';
import { filesProblems } from './files.js';
import { generalProblems } from './general.js';
import { inputProblems } from './input.js';
import { integrityProblems } from './integrity.js';
import { participationProblems } from './participation.js';
import { trustProblems } from './trust.js';
import { syncProblems } from './sync.js';
import { usersProblems } from './users.js';
import { wilayahProblems } from './wilayah.js';

export type { Problem, ProblemLanguage, ProblemParams } from './define.js';

/** Every feature's catalogue; add yours here. */
const catalogues = [
  generalProblems,
  filesProblems,
  censusProblems,
  integrityProblems,
  participationProblems,
  inputProblems,
  trustProblems,
  exportProblems,
  usersProblems,
  wilayahProblems,
  syncProblems,
];

type Keys<C> = C extends { en: Record<infer K, string> } ? K : never;
export type ProblemKey = Keys<(typeof catalogues)[number]>;

export const PROBLEM_TEXTS: Record<ProblemLanguage, Record<string, string>> = {
  id: mergeCatalogues(catalogues, 'id', 'Problem'),
  en: mergeCatalogues(catalogues, 'en', 'Problem'),
};

export function isProblemKey(key: string): key is ProblemKey {
  return Object.hasOwn(PROBLEM_TEXTS.en, key);
}

/** The problem in words; an unknown key falls back to the given English text (or the key itself). */
export function problemText(language: ProblemLanguage, key: string, params?: ProblemParams, fallback?: string): string {
  const template = PROBLEM_TEXTS[language][key];
  return template === undefined ? (fallback ?? key) : fillTemplate(template, params, language);
}
