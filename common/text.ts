/**
 * Text rules at the boundaries. JavaScript strings may hold things UTF-8 cannot store faithfully
 * (a lone surrogate is written as bytes that read back as U+FFFD) or that change how text is shown
 * (NUL cuts a C string, bidi controls reorder what a reader sees). These helpers find and refuse
 * them in what callers send, and neutralise them where text must be kept anyway (the audit trail).
 */

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** C0 controls except tab, line feed and carriage return (which multi-line notes may hold). */
const UNSAFE_C0 = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
/** Every control character (C0, DEL, C1): none belongs in a name or a single line. */
const ANY_CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
/** Bidi embeddings, overrides, isolates and marks: they make text read differently from what it is. */
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

export type TextFault = 'surrogate' | 'control' | 'bidi';

export const isWellFormed = (text: string): boolean => !LONE_SURROGATE.test(text);

/** Lone surrogates replaced by U+FFFD, exactly as UTF-8 would read them back. */
export function toWellFormed(text: string): string {
  return isWellFormed(text) ? text : text.replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD');
}

/** What any string sent to an operation must not hold: ill-formed UTF-16, NUL or other C0 controls but tab and line breaks. */
export function inputFault(text: string): TextFault | null {
  if (!isWellFormed(text)) return 'surrogate';
  if (UNSAFE_C0.test(text)) return 'control';
  return null;
}

/** Stricter, for names shown to other people (display names, file names): no control or bidi character at all. */
export function nameFault(text: string): TextFault | null {
  if (!isWellFormed(text)) return 'surrogate';
  if (ANY_CONTROL.test(text)) return 'control';
  if (BIDI_CONTROL.test(text)) return 'bidi';
  return null;
}

export interface FoundFault {
  /** Where in the input, e.g. "scan.name" or "nips.3" ("" for the input itself). */
  path: string;
  fault: TextFault;
}

/** The first string (value or object key) anywhere in `value` that breaks `inputFault`; walks without recursion. */
export function findInputFault(value: unknown): FoundFault | null {
  const stack: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  while (stack.length) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'string') {
      const fault = inputFault(current);
      if (fault) return { path: path.join('.'), fault };
    } else if (Array.isArray(current)) {
      current.forEach((item, i) => {
        stack.push({ value: item, path: [...path, String(i)] });
      });
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        const fault = inputFault(key);
        if (fault) return { path: [...path, '(key)'].join('.'), fault };
        stack.push({ value: item, path: [...path, key] });
      }
    }
  }
  return null;
}

/** Length in Unicode code points (an emoji is one, not two UTF-16 units). */
export const codePointLength = (text: string): number => [...text].length;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Length in user-perceived characters (a flag or a family emoji is one). */
export function graphemeLength(text: string): number {
  let n = 0;
  for (const _ of graphemes.segment(text)) n++;
  return n;
}

/** At most `max` code points, never splitting a surrogate pair. */
export function truncateCodePoints(text: string, max: number): string {
  if (text.length <= max) return text;
  const points = [...text];
  return points.length <= max ? text : `${points.slice(0, max - 1).join('')}…`;
}

const escapeCodePoint = (char: string) => `\\u{${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}}`;

/**
 * Text made safe to keep and show on one line: well-formed, every control and bidi character
 * written as a visible `\u{000A}`, at most `max` code points. What the audit trail stores.
 */
export function neutralise(text: string, max: number): string {
  const visible = toWellFormed(text).replace(
    new RegExp(`${ANY_CONTROL.source}|${BIDI_CONTROL.source}`, 'g'),
    escapeCodePoint,
  );
  return truncateCodePoints(visible, max);
}

/** A name fit for a record and a message: folders dropped elsewhere, control and bidi characters as "_", trimmed, capped. */
export function cleanName(text: string, max = 255): string {
  const cleaned = toWellFormed(text)
    .replace(new RegExp(`${ANY_CONTROL.source}|${BIDI_CONTROL.source}`, 'g'), '_')
    .trim();
  return truncateCodePoints(cleaned, max);
}
