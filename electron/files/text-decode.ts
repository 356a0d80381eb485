// Text files from office PCs: UTF-8 with or without a BOM (LibreOffice, Excel's "CSV UTF-8"),
// UTF-16 with a BOM (Excel's "Unicode text"), and otherwise Windows-1252 (Excel's plain "CSV" on
// an Indonesian Windows). Decoding never guesses silently: the caller learns which one it was.

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** Bytes that are not valid in the encoding became U+FFFD; the cells holding them must be refused. */
  invalidBytes: boolean;
}

/** Bytes as the WHATWG decoder reads them (invalid sequences become U+FFFD, the BOM is left in place). */
function decode(label: string, bytes: Uint8Array): string {
  return new TextDecoder(label, { ignoreBOM: true }).decode(bytes);
}

const isContinuation = (byte: number | undefined) => byte !== undefined && byte >= 0x80 && byte <= 0xbf;

/**
 * Whether the bytes hold a lead byte followed by as many continuation bytes as it announces, yet
 * are not valid UTF-8 (overlong forms such as C0 80, surrogates, code points past U+10FFFF). Such
 * bytes were written as UTF-8 by a broken tool; in a Windows-1252 text the same pattern ("À€") is
 * practically never seen.
 */
function hasUtf8ShapedSequence(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i];
    if (lead < 0xc0 || lead > 0xf7) continue;
    const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
    let shaped = true;
    for (let k = 1; k < length; k++) if (!isContinuation(bytes[i + k])) shaped = false;
    if (shaped) return true;
  }
  return false;
}

function isValid(label: string, bytes: Uint8Array): boolean {
  try {
    new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Decodes an office text file: the BOM decides, else valid UTF-8, else Windows-1252 (or UTF-8 with invalid bytes). */
export function decodeOfficeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const body = bytes.subarray(3);
    return { text: decode('utf-8', body), encoding: 'utf-8-bom', invalidBytes: !isValid('utf-8', body) };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), 'utf-16be');
  if (isValid('utf-8', bytes)) return { text: decode('utf-8', bytes), encoding: 'utf-8', invalidBytes: false };
  if (hasUtf8ShapedSequence(bytes)) return { text: decode('utf-8', bytes), encoding: 'utf-8', invalidBytes: true };
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252', invalidBytes: false };
}

/** Windows-1252's 80–9F (the rest is Latin-1); 81, 8D, 8F, 90 and 9D are undefined and stay C1 controls, which the cell checks refuse. */
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/** Node's TextDecoder reads "windows-1252" as Latin-1 (curly quotes become C1 controls), so it is decoded here. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    units[i] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b;
  }
  return Buffer.from(units.buffer, units.byteOffset, units.byteLength).toString('utf16le');
}

function utf16(body: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedText {
  // An odd byte count or a lone surrogate is invalid.
  return { text: decode(encoding, body), encoding, invalidBytes: !isValid(encoding, body) };
}
