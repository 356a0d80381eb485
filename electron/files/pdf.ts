import PDFDocument from 'pdfkit';
import { formatDateLong } from '../../common/format.js';

export type Pdf = PDFKit.PDFDocument;

/**
 * Builds an A4 PDF in memory: `draw` lays out the pages; every page gets the office's name and the
 * date it was printed in the footer.
 */
export function renderPdf(meta: { title: string; office: string; printedAt?: Date }, draw: (doc: Pdf) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, bufferPages: true, info: { Title: meta.title, Creator: 'Pendopo' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(doc);
  const range = doc.bufferedPageRange();
  const printed = formatDateLong(meta.printedAt ?? new Date());
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.height - 35;
    doc.page.margins.bottom = 0; // writing inside the bottom margin must not start a new page
    doc.fontSize(8).fillColor('#666').text(`${meta.office} · ${meta.title} · dicetak ${printed} · halaman ${i + 1}/${range.count}`, 50, bottom, {
      width: doc.page.width - 100,
      align: 'center',
      lineBreak: false,
    });
  }
  doc.end();
  return done;
}
