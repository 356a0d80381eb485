import fs from 'node:fs';
import { once } from 'node:events';
import type PDFKitDocument from 'pdfkit';
import { formatDateLong } from '../../common/format.js';

export type Pdf = PDFKit.PDFDocument;

export interface PdfMeta {
  title: string;
  office: string;
  /** The office's calendar day the document is printed on (YYYY-MM-DD); today when not given. */
  printedOn?: string | Date;
}

/**
 * Writes an A4 PDF to `file`: `draw` lays out the pages; every page gets the office's name, the date
 * it was printed and "halaman i/N" in the footer. Pages are kept until the end for that footer, so
 * memory follows the page count (a letter per PPL at most), never a table's row count.
 */
export async function renderPdf(meta: PdfMeta, draw: (doc: Pdf) => void, file: string): Promise<void> {
  // Loaded on first use: importing it costs most of a second at every start of the CLI and of each database thread.
  const { default: PDFDocument } = (await import('pdfkit')) as { default: typeof PDFKitDocument };
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    bufferPages: true,
    info: { Title: meta.title, Creator: 'Pendopo' },
  });
  const out = fs.createWriteStream(file);
  const closed = once(out, 'close');
  closed.catch(() => {});
  doc.pipe(out);
  try {
    draw(doc);
    const range = doc.bufferedPageRange();
    const printed = formatDateLong(meta.printedOn ?? new Date());
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottom = doc.page.height - 35;
      doc.page.margins.bottom = 0; // writing inside the bottom margin must not start a new page
      doc
        .font('Helvetica')
        .fontSize(8)
        .fillColor('#666')
        .text(`${meta.office} · ${meta.title} · dicetak ${printed} · halaman ${i + 1}/${range.count}`, 50, bottom, {
          width: doc.page.width - 100,
          align: 'center',
          lineBreak: false,
        });
    }
    doc.end();
    await closed;
  } finally {
    out.destroy();
  }
}
