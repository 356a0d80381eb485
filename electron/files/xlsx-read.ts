// The first sheet of an .xlsx, streamed: every limit (bytes and ratio per member, shared strings,
// rows, columns) is checked while inflating and parsing, so a ZIP bomb or a sheet of a million rows
// is refused after reading a little of it, never after building it in memory.
import { StringDecoder } from 'node:string_decoder';
import { Transform, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl from 'yauzl';
import { ApiError } from '../api/errors.js';
import type { ProblemKey, ProblemParams } from '../../common/problems/index.js';
import { classifyZip } from './file-kind.js';

export const MAX_XLSX_MEMBERS = 1000;
/** Uncompressed bytes one member may inflate to (counted, not taken from the ZIP's headers). */
export const MAX_MEMBER_BYTES = 64 * 1024 * 1024;
/** How many times a member may expand, once it passes RATIO_CHECK_AFTER bytes. */
export const MAX_MEMBER_RATIO = 100;
const RATIO_CHECK_AFTER = 1024 * 1024;
export const MAX_SHARED_STRINGS = 1_000_000;
export const MAX_SHARED_STRING_CHARS = 16 * 1024 * 1024;
export const MAX_SHEET_ROWS = 200_000;
export const MAX_SHEET_COLUMNS = 200;
/** workbook.xml, its relationships and styles are small; a large one is not a spreadsheet of ours. */
const MAX_PART_BYTES = 4 * 1024 * 1024;

/** One row as the sheet has it: cell texts by column index, and which cells were stored as numbers. */
export interface SheetRow {
  row: number;
  cells: string[];
  numbers: boolean[];
}

class Refusal extends Error {
  constructor(
    readonly key: ProblemKey,
    readonly params: ProblemParams = {},
  ) {
    super(key);
  }
}

const refuse = (key: ProblemKey, params: ProblemParams = {}) => new Refusal(key, params);

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(
      file,
      { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true, strictFileNames: false },
      (error, zip) => (error ? reject(error) : resolve(zip)),
    ),
  );
}

function readEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

function rawStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  // yauzl takes `decompress` only for compressed members; a stored one is raw already.
  const options = entry.compressionMethod === 0 ? {} : { decompress: false };
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, options, (error, stream) => (error ? reject(error) : resolve(stream))),
  );
}

/** Feeds a member's text to `onText` chunk by chunk, counting what it inflates to against the limits. */
async function streamMember(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  limit: number,
  onText: (text: string) => void,
): Promise<void> {
  if (entry.isEncrypted()) throw refuse('files.xlsx.encrypted');
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
    throw refuse('files.xlsx.damaged', { detail: `compression method ${entry.compressionMethod}` });
  const raw = await rawStream(zip, entry);
  let compressed = 0;
  const counted = raw.pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        compressed += chunk.length;
        done(null, chunk);
      },
    }),
  );
  const inflated: Readable = entry.compressionMethod === 8 ? counted.pipe(zlib.createInflateRaw()) : counted;
  const decoder = new StringDecoder('utf8');
  let out = 0;
  try {
    for await (const chunk of inflated as AsyncIterable<Buffer>) {
      out += chunk.length;
      if (out > limit)
        throw refuse('files.xlsx.memberTooLarge', { name: entry.fileName, limit: Math.round(limit / 1024 / 1024) });
      if (out > RATIO_CHECK_AFTER && out / Math.max(1, compressed) > MAX_MEMBER_RATIO) {
        throw refuse('files.xlsx.ratio', { name: entry.fileName, ratio: Math.round(out / Math.max(1, compressed)) });
      }
      onText(decoder.write(chunk));
    }
    onText(decoder.end());
  } finally {
    raw.destroy();
    counted.destroy();
    inflated.destroy();
  }
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** A SAX parser over one member; handlers see local names (a writer may prefix every tag, `x:row`). */
async function parseMember(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  limit: number,
  handlers: {
    open?(name: string, attributes: Record<string, string>): void;
    close?(name: string): void;
    text?(text: string): void;
  },
): Promise<void> {
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  parser.on('opentag', (tag: SaxesTagPlain) => handlers.open?.(localName(tag.name), tag.attributes));
  parser.on('closetag', (tag: SaxesTagPlain) => handlers.close?.(localName(tag.name)));
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  parser.on('error', (error) => {
    throw refuse('files.xlsx.damaged', { detail: `${entry.fileName}: ${error.message}` });
  });
  await streamMember(zip, entry, limit, (text) => {
    if (text) parser.write(text);
  });
  parser.close();
}

/** Joins a relationship target to the folder of the part that names it. */
function resolveTarget(base: string, target: string): string {
  const parts = target.startsWith('/') ? [] : base.split('/');
  for (const piece of target.replace(/^\//, '').split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

interface WorkbookParts {
  sheet: string;
  sharedStrings: string | null;
  styles: string | null;
  date1904: boolean;
}

async function workbookParts(zip: yauzl.ZipFile, entries: Map<string, yauzl.Entry>): Promise<WorkbookParts> {
  let firstSheetRel: string | null = null;
  let date1904 = false;
  await parseMember(zip, entries.get('xl/workbook.xml')!, MAX_PART_BYTES, {
    open(name, attributes) {
      if (name === 'workbookPr') date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
      if (name === 'sheet' && firstSheetRel === null)
        firstSheetRel =
          Object.entries(attributes).find(([key]) => localName(key) === 'id' && key.includes(':'))?.[1] ?? '';
    },
  });
  if (firstSheetRel === null) throw refuse('files.xlsx.noSheet');
  const targets = new Map<string, { type: string; target: string }>();
  const rels = entries.get('xl/_rels/workbook.xml.rels');
  if (rels) {
    await parseMember(zip, rels, MAX_PART_BYTES, {
      open(name, attributes) {
        if (name === 'Relationship')
          targets.set(attributes.Id, {
            type: attributes.Type ?? '',
            target: resolveTarget('xl', attributes.Target ?? ''),
          });
      },
    });
  }
  const ofType = (suffix: string) => [...targets.values()].find((r) => r.type.endsWith(suffix))?.target ?? null;
  const sheet = targets.get(firstSheetRel)?.target ?? 'xl/worksheets/sheet1.xml';
  if (!entries.has(sheet)) throw refuse('files.xlsx.noSheet');
  const sharedStrings =
    ofType('/sharedStrings') ?? (entries.has('xl/sharedStrings.xml') ? 'xl/sharedStrings.xml' : null);
  const styles = ofType('/styles') ?? (entries.has('xl/styles.xml') ? 'xl/styles.xml' : null);
  return {
    sheet,
    sharedStrings: sharedStrings && entries.has(sharedStrings) ? sharedStrings : null,
    styles: styles && entries.has(styles) ? styles : null,
    date1904,
  };
}

/** Excel writes characters XML cannot hold as `_x0001_`; `_x005F_` escapes a literal underscore. */
function unescapeOoxml(text: string): string {
  return text.includes('_x')
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

async function sharedStrings(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<string[]> {
  const strings: string[] = [];
  let chars = 0;
  let current: string[] | null = null;
  let inText = false;
  let inPhonetic = 0;
  await parseMember(zip, entry, MAX_MEMBER_BYTES, {
    open(name) {
      if (name === 'si') {
        if (strings.length >= MAX_SHARED_STRINGS)
          throw refuse('files.xlsx.tooManyStrings', { limit: MAX_SHARED_STRINGS });
        current = [];
      } else if (name === 'rPh') inPhonetic++;
      else if (name === 't') inText = inPhonetic === 0;
    },
    close(name) {
      if (name === 'si' && current) {
        strings.push(unescapeOoxml(current.join('')));
        current = null;
      } else if (name === 'rPh') inPhonetic--;
      else if (name === 't') inText = false;
    },
    text(text) {
      if (!inText || !current) return;
      chars += text.length;
      if (chars > MAX_SHARED_STRING_CHARS)
        throw refuse('files.xlsx.stringsTooLarge', { limit: Math.round(MAX_SHARED_STRING_CHARS / 1024 / 1024) });
      current.push(text);
    },
  });
  return strings;
}

const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/** Whether a number format shows a date or time: d, m, y, h or s outside quotes, escapes and [colour] sections. */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** Which cell styles (`s` index) show numbers as dates. */
async function dateStyles(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Set<number>> {
  const customDate = new Set<number>();
  const dates = new Set<number>();
  let inCellXfs = false;
  let index = 0;
  await parseMember(zip, entry, MAX_PART_BYTES, {
    open(name, attributes) {
      if (name === 'numFmt' && isDateFormatCode(attributes.formatCode ?? ''))
        customDate.add(Number(attributes.numFmtId));
      if (name === 'cellXfs') inCellXfs = true;
      if (name === 'xf' && inCellXfs) {
        const id = Number(attributes.numFmtId ?? 0);
        if (BUILTIN_DATE_FORMATS.has(id) || customDate.has(id)) dates.add(index);
        index++;
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return dates;
}

/** A serial day number as YYYY-MM-DD (with the time when it has one). */
export function serialDate(serial: number, date1904: boolean): string {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const iso = new Date(epoch + Math.round(serial * 86_400_000)).toISOString();
  return Number.isInteger(serial) ? iso.slice(0, 10) : iso.slice(0, 19);
}

/** A number's text as a person typed it: `807`, `0.5`; huge or odd values keep the sheet's text. */
function numberText(raw: string): string {
  const value = Number(raw);
  if (!Number.isFinite(value)) return raw;
  return Number.isSafeInteger(value) ? String(value) : Number.isInteger(value) ? raw : String(value);
}

/** "BC12" → column index 54 (0-based); -1 when the reference has no letters. */
function columnIndex(ref: string): number {
  let index = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i) & ~32;
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return i === 0 ? -1 : index - 1;
}

/**
 * Streams the sheet's rows to `onRow` (rows that have at least one cell). Stops at the limits; the
 * row limit counts row numbers, so a tiny file that writes a cell in row 1,048,576 is refused too.
 */
async function sheetRows(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  strings: string[],
  dates: Set<number>,
  date1904: boolean,
  onRow: (row: SheetRow) => void,
): Promise<void> {
  let row: SheetRow | null = null;
  let rowNumber = 0;
  let column = -1;
  let cell: { type: string; style: number; value: string[]; inline: string[] } | null = null;
  let inValue = false;
  let inInline = false;
  let inPhonetic = 0;
  await parseMember(zip, entry, MAX_MEMBER_BYTES, {
    open(name, attributes) {
      if (name === 'row') {
        rowNumber = attributes.r ? Number(attributes.r) : rowNumber + 1;
        if (!Number.isInteger(rowNumber) || rowNumber < 1)
          throw refuse('files.xlsx.damaged', { detail: `row number "${attributes.r}"` });
        row = { row: rowNumber, cells: [], numbers: [] };
        column = -1;
      } else if (name === 'c' && row) {
        const fromRef = attributes.r ? columnIndex(attributes.r) : -1;
        column = fromRef >= 0 ? fromRef : column + 1;
        if (column >= MAX_SHEET_COLUMNS) throw refuse('files.tooManyColumns', { limit: MAX_SHEET_COLUMNS });
        cell = { type: attributes.t ?? 'n', style: Number(attributes.s ?? 0), value: [], inline: [] };
      } else if (cell) {
        if (name === 'v') inValue = true;
        else if (name === 'rPh') inPhonetic++;
        else if (name === 't') inInline = inPhonetic === 0;
      }
    },
    close(name) {
      if (name === 'v') inValue = false;
      else if (name === 'rPh') inPhonetic--;
      else if (name === 't') inInline = false;
      else if (name === 'c' && cell && row) {
        const text = cellValue(cell.type, cell.value.join(''), cell.inline.join(''), cell.style);
        row.cells[column] = text.value;
        if (text.number) row.numbers[column] = true;
        cell = null;
      } else if (name === 'row' && row) {
        // Rows of formatted but empty cells are no data; data past the limit is refused at once.
        if (row.cells.some((c) => c)) {
          if (row.row > MAX_SHEET_ROWS + 1) throw refuse('files.tooManyRows', { limit: MAX_SHEET_ROWS });
          onRow(row);
        }
        row = null;
      }
    },
    text(text) {
      if (!cell) return;
      if (inValue) cell.value.push(text);
      else if (inInline) cell.inline.push(text);
    },
  });

  function cellValue(type: string, value: string, inline: string, style: number): { value: string; number?: boolean } {
    switch (type) {
      case 's': {
        const text = strings[Number(value)];
        if (text === undefined) throw refuse('files.xlsx.damaged', { detail: `shared string ${value} does not exist` });
        return { value: text };
      }
      case 'inlineStr':
        return { value: unescapeOoxml(inline) };
      case 'str':
      case 'e':
        return { value: unescapeOoxml(value) };
      case 'b':
        return { value: value === '1' ? 'TRUE' : value === '0' ? 'FALSE' : value };
      case 'd':
        return { value: /^\d{4}-\d{2}-\d{2}T00:00(:00(\.0+)?)?Z?$/.test(value) ? value.slice(0, 10) : value };
      default: {
        if (value === '') return { value: '' };
        if (dates.has(style) && Number.isFinite(Number(value))) return { value: serialDate(Number(value), date1904) };
        return { value: numberText(value), number: true };
      }
    }
  }
}

/** Reads the first sheet of an .xlsx file; every problem is an ApiError with a `files.*` key. */
export async function readXlsxRows(file: string, onRow: (row: SheetRow) => void): Promise<void> {
  let zip: yauzl.ZipFile | null = null;
  try {
    try {
      zip = await openZip(file);
    } catch (error) {
      throw refuse('files.xlsx.damaged', { detail: (error as Error).message });
    }
    if (zip.entryCount > MAX_XLSX_MEMBERS) throw refuse('files.xlsx.damaged', { detail: `${zip.entryCount} members` });
    const entries = await readEntries(zip);
    if (!entries.has('xl/workbook.xml')) {
      const kind = await classifyZip(entries, (entry) => readSmallMember(zip!, entry));
      throw refuse(kind);
    }
    const parts = await workbookParts(zip, entries);
    const strings = parts.sharedStrings ? await sharedStrings(zip, entries.get(parts.sharedStrings)!) : [];
    const dates = parts.styles ? await dateStyles(zip, entries.get(parts.styles)!) : new Set<number>();
    await sheetRows(zip, entries.get(parts.sheet)!, strings, dates, parts.date1904, onRow);
  } catch (error) {
    if (error instanceof Refusal) throw ApiError.problem('REJECTED', error.key, error.params);
    if (error instanceof ApiError) throw error;
    throw ApiError.problem('REJECTED', 'files.xlsx.damaged', { detail: (error as Error).message });
  } finally {
    zip?.close();
  }
}

async function readSmallMember(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<string> {
  let text = '';
  await streamMember(zip, entry, 4096, (chunk) => (text += chunk));
  return text;
}
