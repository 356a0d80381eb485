import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { componentMessages } from '../components/messages';
import { shellMessages } from '../shell/messages';
import { setupMessages } from '../features/setup/messages';
import { wilayahMessages } from '../features/wilayah/messages';
import { progressMessages } from '../features/progress/messages';
import { sponlineMessages } from '../features/sponline/messages';
import { integrityMessages } from '../features/integrity/messages';
import { authMessages } from '../features/auth/messages';
import { pengaturanMessages } from '../features/pengaturan/messages';
import { censusMessages } from '../features/census/messages';
import { syncMessages } from '../features/sync/messages';
import { fieldLabels } from './field-labels';

export type Language = 'id' | 'en';
export const LANGUAGES: Language[] = ['id', 'en'];
const STORAGE_KEY = 'pendopo.language';

export interface Messages {
  id: Record<string, string>;
  en: Record<string, string>;
}

/** Each feature keeps its own strings; they meet here. Keys are prefixed by feature. */
export const MESSAGE_CATALOGUES: Messages[] = [
  componentMessages,
  shellMessages,
  setupMessages,
  wilayahMessages,
  progressMessages,
  sponlineMessages,
  integrityMessages,
  authMessages,
  pengaturanMessages,
  censusMessages,
  syncMessages,
  fieldLabels,
];

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
  });
  document.documentElement.lang = i18next.language;
}

export function changeLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}

export const useT = () => useTranslation().t;
