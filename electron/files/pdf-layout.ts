import type { Pdf } from './pdf.js';

/** The printable area's left edge and width (A4 with 50 pt margins). */
export const LEFT = 50;
export const contentWidth = (doc: Pdf) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
/** Lowest y a table row may start at, leaving room for the footer. */
const bottomLimit = (doc: Pdf) => doc.page.height - 70;

/**
 * "Label : value" lines whose colons stand in one column, whatever the label's width (proportional
 * fonts make padded labels drift). A long value wraps under itself, not under the label.
 */
export function labelledLines(
  doc: Pdf,
  pairs: [string, string][],
  options: { x?: number; labelWidth: number; fontSize?: number; gap?: number },
): void {
  const x = options.x ?? LEFT;
  const colonX = x + options.labelWidth;
  const valueX = colonX + 10;
  const valueWidth = doc.page.width - doc.page.margins.right - valueX;
  doc
    .font('Helvetica')
    .fontSize(options.fontSize ?? 10)
    .fillColor('#000');
  for (const [label, value] of pairs) {
    const y = doc.y;
    doc.text(label, x, y, { width: options.labelWidth - 4, lineBreak: false });
    doc.text(':', colonX, y, { lineBreak: false });
    doc.text(value || '-', valueX, y, { width: valueWidth });
    doc.y = Math.max(doc.y, y + doc.currentLineHeight(true)) + (options.gap ?? 2);
  }
  doc.x = x;
}

export interface PdfTableColumn {
  header: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

/**
 * A table with a bold header that may wrap onto several lines (its height is measured, so the first
 * row never overlaps it), single-line cells cut with an ellipsis, a rule under each row, and the
 * header repeated on every new page.
 */
export function drawTable(
  doc: Pdf,
  columns: PdfTableColumn[],
  rows: string[][],
  options: { x?: number; fontSize?: number; rowGap?: number } = {},
): void {
  const x0 = options.x ?? LEFT;
  const size = options.fontSize ?? 8;
  const pad = 3;
  const right = x0 + columns.reduce((s, c) => s + c.width, 0);
  const rule = (y: number, color: string) =>
    doc.moveTo(x0, y).lineTo(right, y).lineWidth(0.5).strokeColor(color).stroke();
  const header = () => {
    doc.font('Helvetica-Bold').fontSize(size).fillColor('#000');
    const height = Math.max(...columns.map((c) => doc.heightOfString(c.header, { width: c.width - pad * 2 })));
    const y = doc.y;
    let x = x0;
    for (const c of columns) {
      doc.text(c.header, x + pad, y, { width: c.width - pad * 2, align: c.align ?? 'left' });
      x += c.width;
    }
    rule(y + height + 2, '#666');
    doc.y = y + height + 5;
  };
  const rowHeight = size * 1.2 + (options.rowGap ?? 4);
  header();
  doc.font('Helvetica').fontSize(size);
  for (const cells of rows) {
    if (doc.y + rowHeight > bottomLimit(doc)) {
      doc.addPage();
      header();
      doc.font('Helvetica').fontSize(size);
    }
    const y = doc.y;
    let x = x0;
    doc.fillColor('#000');
    cells.forEach((text, i) => {
      const c = columns[i];
      doc.text(text, x + pad, y, {
        width: c.width - pad * 2,
        align: c.align ?? 'left',
        lineBreak: false,
        ellipsis: true,
        height: size * 1.2,
      });
      x += c.width;
    });
    rule(y + rowHeight - 2.5, '#ccc');
    doc.y = y + rowHeight;
  }
  doc.x = x0;
}

export interface Signer {
  /** "Blora, 14 September 2020" */
  placeAndDate: string;
  /** The signer's position, e.g. "Koordinator Sensus Kabupaten Blora". */
  title: string;
  name: string | null;
  nip: string | null;
}

/**
 * The signature block on the right: place and date, the signer's position, room to sign, the name
 * (bold, underlined) and the NIP. Without a name in the settings it leaves dotted lines to fill by hand.
 */
export function signatureBlock(doc: Pdf, signer: Signer): void {
  const width = 230;
  const x = doc.page.width - doc.page.margins.right - width;
  if (doc.y + 130 > bottomLimit(doc)) doc.addPage();
  doc.font('Helvetica').fontSize(10).fillColor('#000');
  doc.text(signer.placeAndDate, x, doc.y, { width });
  doc.text(signer.title, x, doc.y, { width });
  doc.y += 50;
  doc
    .font('Helvetica-Bold')
    .text(signer.name ?? '(.........................................)', x, doc.y, { width, underline: !!signer.name });
  doc.font('Helvetica').text(`NIP. ${signer.nip ?? '.........................................'}`, x, doc.y, { width });
  doc.x = LEFT;
}
