// What a file is, told by its bytes (never by its name): an .xls renamed .csv is still an .xls.
import type yauzl from 'yauzl';
import type { ProblemKey } from '../../common/problems/index.js';

const startsWith = (bytes: Uint8Array, ...signature: number[]) => signature.every((b, i) => bytes[i] === b);
const asciiStart = (bytes: Uint8Array, length = 512) =>
  Buffer.from(bytes.subarray(0, length))
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart()
    .toLowerCase();

/**
 * A file that is not a spreadsheet Pendopo reads, by its first bytes: the problem that says what it
 * is and to save it as .xlsx or CSV. Null for a ZIP (looked into later) or for text.
 */
export function foreignFormat(bytes: Uint8Array): ProblemKey | null {
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'files.format.xls';
  if (startsWith(bytes, 0x09, 0x08) || startsWith(bytes, 0x09, 0x04) || startsWith(bytes, 0x09, 0x02))
    return 'files.format.xls';
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) return 'files.format.document';
  if (startsWith(bytes, 0x7b, 0x5c, 0x72, 0x74, 0x66)) return 'files.format.document';
  if (
    startsWith(bytes, 0x1f, 0x8b) ||
    startsWith(bytes, 0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c) ||
    startsWith(bytes, 0x52, 0x61, 0x72, 0x21)
  )
    return 'files.format.archive';
  if (
    startsWith(bytes, 0x89, 0x50, 0x4e, 0x47) ||
    startsWith(bytes, 0xff, 0xd8, 0xff) ||
    startsWith(bytes, 0x47, 0x49, 0x46, 0x38)
  )
    return 'files.format.binary';
  const head = asciiStart(bytes);
  if (head.startsWith('<?xml') && head.includes('urn:schemas-microsoft-com:office:spreadsheet'))
    return 'files.format.xmlSpreadsheet';
  if (head.startsWith('<?xml') && head.includes('office:document')) return 'files.format.ods';
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<table'))
    return 'files.format.html';
  if (!isUtf16(bytes) && looksBinary(bytes)) return 'files.format.binary';
  return null;
}

export function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, 0x50, 0x4b, 0x03, 0x04) || startsWith(bytes, 0x50, 0x4b, 0x05, 0x06);
}

const isUtf16 = (bytes: Uint8Array) => startsWith(bytes, 0xff, 0xfe) || startsWith(bytes, 0xfe, 0xff);

/** Many NUL bytes near the start: a binary file (a text with a stray NUL in one cell is refused by cell instead). */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let nul = 0;
  for (const b of sample) if (b === 0) nul++;
  return nul > 8 && nul > sample.length / 100;
}

/** A ZIP without `xl/workbook.xml`: which program's file it is, by its members. */
export async function classifyZip(
  entries: Map<string, yauzl.Entry>,
  readSmall: (entry: yauzl.Entry) => Promise<string>,
): Promise<ProblemKey> {
  const names = [...entries.keys()];
  const mimetype = entries.get('mimetype');
  if (mimetype || entries.has('content.xml')) {
    const type = mimetype ? await readSmall(mimetype).catch(() => '') : '';
    return type.includes('spreadsheet') || (!mimetype && entries.has('content.xml'))
      ? 'files.format.ods'
      : 'files.format.document';
  }
  if (names.some((n) => n.startsWith('Index/') && n.endsWith('.iwa'))) return 'files.format.numbers';
  if (names.some((n) => n.startsWith('word/') || n.startsWith('ppt/'))) return 'files.format.document';
  return 'files.format.archive';
}
