import i18next from 'i18next';
import { useCallback } from 'react';
import { initReactI18next, useTranslation } from 'react-i18next';
import { formatNumber } from '../../../common/format';
import { componentMessages } from '../components/messages';
import { shellMessages } from '../shell/messages';
import { setupMessages } from '../features/setup/messages';
import { wilayahMessages } from '../features/wilayah/messages';
import { progressMessages } from '../features/progress/messages';
import { participationMessages } from '../features/participation/messages';
import { integrityMessages } from '../features/integrity/messages';
import { usersMessages } from '../features/users/messages';
import { settingsMessages } from '../features/settings/messages';
import { censusMessages } from '../features/census/messages';
import { syncMessages } from '../features/sync/messages';
import { fieldLabels } from './field-labels';
import { reportUntranslated } from './untranslated';

export type Language = 'id' | 'en';
export const LANGUAGES: Language[] = ['id', 'en'];
const STORAGE_KEY = 'pendopo.language';

export interface Messages {
  id: Record<string, string>;
  en: Record<string, string>;
}

/** Each feature keeps its own strings; they meet here. Keys are prefixed by feature. */
export const MESSAGE_CATALOGUES = [
  componentMessages,
  shellMessages,
  setupMessages,
  wilayahMessages,
  progressMessages,
  participationMessages,
  integrityMessages,
  usersMessages,
  settingsMessages,
  censusMessages,
  syncMessages,
  fieldLabels,
] as const satisfies readonly Messages[];

function merge(language: Language): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const messages of MESSAGE_CATALOGUES) {
    for (const [key, text] of Object.entries(messages[language])) {
      if (key in merged) throw new Error(`i18n key declared twice: ${key}`);
      merged[key] = text;
    }
  }
  return merged;
}

export function savedLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  return saved === 'en' ? 'en' : 'id';
}

export function initI18n(): void {
  void i18next.use(initReactI18next).init({
    resources: { id: { translation: merge('id') }, en: { translation: merge('en') } },
    lng: savedLanguage(),
    fallbackLng: 'id',
    interpolation: { escapeValue: false },
    keySeparator: false,
    saveMissing: true,
    missingKeyHandler: (languages, _namespace, key) =>
      reportUntranslated('missing key', `${key} (${languages.join(', ')})`),
  });
  document.documentElement.lang = i18next.language;
}

export function changeLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}

/** Every key a screen may ask for: the union of the features' keys (each declared in both languages). */
type KeysOf<M> = M extends { id: infer Catalogue } ? keyof Catalogue & string : never;
export type MessageKey = KeysOf<(typeof MESSAGE_CATALOGUES)[number]>;

/** The translate function, typed so that a key that exists in no catalogue does not compile. */
export type Translate = (key: MessageKey, params?: Record<string, unknown>) => string;

/** Numbers in a text are written the Indonesian way (5.415), like the grids; `count` stays a number for plurals. */
function withFormattedNumbers(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      typeof value === 'number' && name !== 'count' ? formatNumber(value) : value,
    ]),
  );
}

export const useT = (): Translate => {
  const { t } = useTranslation();
  const translate = t as unknown as (key: string, params?: Record<string, unknown>) => string;
  return useCallback<Translate>((key, params) => translate(key, params && withFormattedNumbers(params)), [translate]);
};

/**
 * The label of a code stored in the data (a status, a stage): `labels` names the key of every code,
 * so each key is written out once; a code the table does not know is shown as it is.
 */
export function labelOf<Code extends string>(t: Translate, labels: Record<Code, MessageKey>, code: unknown): string {
  if (typeof code === 'string' && Object.hasOwn(labels, code)) return t(labels[code as Code]);
  if (code !== null && code !== undefined && code !== '') reportUntranslated('code without a label', String(code));
  return String(code ?? '');
}
