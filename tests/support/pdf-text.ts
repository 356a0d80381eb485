import zlib from 'node:zlib';

/**
 * The text drawn in a PDFKit document: inflates each content stream and decodes the hex strings of
 * its text operators (PDFKit writes standard-font text as `<hex>` glyph codes).
 */
export function pdfText(bytes: Buffer): string {
  const raw = bytes.toString('latin1');
  const parts: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = zlib.inflateSync(Buffer.from(match[1], 'latin1')).toString('latin1');
    } catch {
      content = match[1];
    }
    for (const tj of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      parts.push(
        [...tj[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1], 'hex').toString('latin1')).join(''),
      );
    }
  }
  return parts.join('\n');
}
