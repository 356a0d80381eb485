import { OPD_KINDS } from '../../common/opd-kinds.js';
import { PROBLEM_TEXTS } from '../../common/problems/index.js';
import { join } from 'node:path';
import { UNTRANSLATED_MARKER } from '../../renderer/src/i18n/untranslated.js';

/** What the page's scan looks for: everything is computed here from the real catalogues. */
export interface UntranslatedClues {
  marker: string;
  /** Every message and problem key: one of them on the screen is a key nobody translated. */
  keys: string[];
  /** English texts (templates with `{{…}}`) that the Indonesian catalogues do not contain. */
  englishOnly: string[];
  /** Internal codes that must be said by a label (`instansi_vertikal`, `census.targetLoadKk`). */
  codes: string[];
}

type Catalogue = Record<'id' | 'en', Record<string, string>>;

/** The renderer's catalogues, loaded as the unit tests do (its sources are compiled for the browser, not for Node). */
async function messageCatalogues(): Promise<readonly Catalogue[]> {
  const index = join(import.meta.dirname, '../../renderer/src/i18n/index.ts');
  return ((await import(index)) as { MESSAGE_CATALOGUES: readonly Catalogue[] }).MESSAGE_CATALOGUES;
}

export async function untranslatedClues(): Promise<UntranslatedClues> {
  const catalogues = await messageCatalogues();
  const catalogue = (language: 'id' | 'en'): Record<string, string> =>
    Object.assign({}, PROBLEM_TEXTS[language], ...catalogues.map((messages) => messages[language]));
  const id = catalogue('id');
  const en = catalogue('en');
  const idTexts = new Set(Object.values(id));
  const settingNames = Object.keys(id)
    .filter((key) => key.startsWith('settings.setting.'))
    .map((key) => key.slice('settings.setting.'.length));
  return {
    marker: UNTRANSLATED_MARKER,
    keys: Object.keys(en),
    englishOnly: [...new Set(Object.values(en))].filter((text) => !idTexts.has(text) && /[A-Za-z]{2}/.test(text)),
    codes: [...OPD_KINDS.filter((kind) => kind.includes('_')), ...settingNames],
  };
}

/**
 * Runs in the page before the app (addInitScript): watches every text and label the app puts on the
 * screen while it speaks Indonesian, and reports with the marker any raw key, unfilled `{{placeholder}}`,
 * English catalogue text or internal code. `scanNow` is left on window for a last look at the end; it returns all it reported.
 */
export function watchForUntranslated(clues: UntranslatedClues): void {
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const keys = new Set(clues.keys);
  const codes = new Set(clues.codes);
  const exact = new Set(clues.englishOnly.filter((text) => !text.includes('{{')));
  // One expression for all templates with three words or more besides their placeholders (one pass per text).
  const templates = new RegExp(
    `^(?:${clues.englishOnly
      .filter(
        (text) =>
          text.includes('{{') &&
          text
            .replace(/\{\{[^}]*\}\}/g, ' ')
            .trim()
            .split(/\s+/).length >= 3,
      )
      .map((text) =>
        text
          .split(/\{\{[^}]*\}\}/)
          .map(literal)
          .join('.+?'),
      )
      .join('|')})$`,
    's',
  );
  const token = /[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)+|[a-z]+(?:_[a-z]+)+/g;
  const reported = new Set<string>();
  function report(what: string, text: string) {
    const line = `${clues.marker} ${what}: ${JSON.stringify(text)}`;
    if (reported.has(line)) return;
    reported.add(line);
    console.error(line);
  }
  function check(raw: string | null) {
    const text = raw?.trim();
    if (!text || document.documentElement.lang !== 'id') return;
    if (text.includes('{{')) report('unfilled placeholder', text);
    for (const word of text.match(token) ?? []) {
      if (keys.has(word)) report('raw key', word);
      else if (codes.has(word)) report('internal code', word);
    }
    if (exact.has(text) || (text.includes(' ') && templates.test(text))) report('English text', text);
  }
  const ATTRIBUTES = ['placeholder', 'title', 'aria-label', 'alt'];
  /** What a screen shows as it is on purpose (the audit trail's operation names): `translate="no"`. */
  const VERBATIM = '[translate="no"], .verbatim';
  function scan(node: Node) {
    if (node.nodeType === Node.TEXT_NODE) {
      const parent = node.parentElement;
      if (parent && !['SCRIPT', 'STYLE'].includes(parent.tagName) && !parent.closest(VERBATIM)) check(node.nodeValue);
      return;
    }
    if (!(node instanceof Element) || node.closest(VERBATIM)) return;
    for (const name of ATTRIBUTES) check(node.getAttribute(name));
    for (const child of node.childNodes) scan(child);
  }
  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'characterData') scan(mutation.target);
      else if (mutation.type === 'attributes' && mutation.target instanceof Element) {
        if (!mutation.target.closest(VERBATIM)) check(mutation.target.getAttribute(mutation.attributeName ?? ''));
      } else for (const node of mutation.addedNodes) scan(node);
    }
  });
  const start = () =>
    observer.observe(document.documentElement, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ATTRIBUTES,
    });
  if (document.documentElement) start();
  else document.addEventListener('DOMContentLoaded', start);
  (window as unknown as { scanNow: () => string[] }).scanNow = () => {
    scan(document.body);
    return [...reported];
  };
}
