/**
 * Text that reaches the screen without a translation (a missing key, an error without a catalogue
 * key, a code no label table knows) is still shown as best we can, and also reported on the console
 * with this marker: the browser tests fail any page that logs it.
 */
export const UNTRANSLATED_MARKER = '[pendopo:untranslated]';

export function reportUntranslated(what: string, detail: string): void {
  console.error(`${UNTRANSLATED_MARKER} ${what}: ${detail}`);
}
