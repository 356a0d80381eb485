// Where the parser puts a package's valid records for the apply step: in memory while they are
// small (nearly every package: a day's work of one officer), spilled to the records file once
// they grow (a million-line package stays a few MB of heap). Small packages thus cost no file
// create, write, read and delete each.
import fs from 'node:fs';

/** Records text kept in memory up to this many characters (the records are ASCII). */
export const INLINE_RECORDS_LIMIT = 4 * 1024 * 1024;

export class RecordsOutput {
  private chunks: string[] = [];
  private size = 0;
  private fd: number | null = null;

  constructor(
    private readonly file: string,
    private readonly inlineLimit = INLINE_RECORDS_LIMIT,
  ) {}

  write(text: string): void {
    if (this.fd === null && this.size + text.length <= this.inlineLimit) {
      this.chunks.push(text);
      this.size += text.length;
      return;
    }
    if (this.fd === null) {
      this.fd = fs.openSync(this.file, 'w');
      fs.writeSync(this.fd, this.chunks.join(''));
      this.chunks = [];
    }
    fs.writeSync(this.fd, text);
  }

  /** The records as text, or null when they went to the file. */
  close(): string | null {
    if (this.fd === null) return this.chunks.join('');
    fs.closeSync(this.fd);
    return null;
  }
}

/** Yields the lines of records text, as the apply step reads them. */
export function* textLines(text: string): Generator<string> {
  let start = 0;
  for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
    yield text.slice(start, end);
    start = end + 1;
  }
  if (start < text.length) yield text.slice(start);
}
