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

/** Several features' catalogues as one table for a language; a key declared twice is a bug, caught at start. */
export function mergeCatalogues(
  catalogues: readonly { id: object; en: object }[],
  language: ProblemLanguage,
  what: string,
): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const catalogue of catalogues) {
    for (const [key, text] of Object.entries(catalogue[language] as Record<string, string>)) {
      if (key in merged) throw new Error(`${what} key declared twice: ${key}`);
      merged[key] = text;
    }
  }
  return merged;
}
