/**
 * Problems (errors and refusals) are codes with parameters, written in words only where they are
 * shown: the UI in its language, the CLI and logs in English. Each feature keeps its catalogue in
 * `common/problems/<feature>.ts`; both languages must have the same keys.
 */
export type ProblemParams = Record<string, string | number>;
export type ProblemLanguage = 'id' | 'en';

export interface Problem {
  key: string;
  params?: ProblemParams;
}

export function defineProblems<K extends string>(texts: { id: Record<K, string>; en: Record<K, string> }) {
  return texts;
}

const NUMBER_FORMAT: Record<ProblemLanguage, Intl.NumberFormat> = {
  id: new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }),
};

/**
 * Fills `{{name}}` with the parameter; numbers are written the language's way (5.415 / 5,415) unless
 * the placeholder says `{{name, raw}}` (row numbers, years and codes read better without separators).
 */
export function fillTemplate(template: string, params: ProblemParams = {}, language: ProblemLanguage = 'en'): string {
  return template.replace(/\{\{\s*([A-Za-z0-9_]+)\s*(?:,\s*(raw))?\s*\}\}/g, (whole, name: string, raw?: string) => {
    if (!Object.hasOwn(params, name)) return whole;
    const value = params[name];
    return typeof value === 'number' && !raw ? NUMBER_FORMAT[language].format(value) : String(value);
  });
}
