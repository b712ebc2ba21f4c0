import PDFDocument from 'pdfkit';
import type { RecordDocument, RecordRow } from './record-document';

/**
 * The printed record as a PDF (pdfkit): A4, the PDF standard fonts, numbered pages. Only layout:
 * what it says comes from record-document.ts.
 *
 * The standard fonts need no font files in the image, but they only have the characters of the
 * Windows-1252 code page; other characters of what people wrote are printed as their base letter
 * (ş → s) or, failing that, as "?", rather than as unreadable glyphs.
 */

export interface RecordPdfOptions {
  /** Deflate the page contents (the default); off, the text can be read from the file as it is. */
  compress?: boolean;
}

const MARGIN = 50;
const INK = '#1b1f24';
const MUTED = '#57606a';
const OK = '#1a7f37';
const DANGER = '#b42318';

/** The characters of Windows-1252 above Latin-1's control range, which the standard fonts can draw. */
const CP1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Text the standard fonts can draw: other characters as their base letter, else "?". */
export function printable(text: string): string {
  const drawable = (c: string) => c === '\n' || (c >= ' ' && c <= '~') || (c >= '\u00a0' && c <= '\u00ff') || CP1252_EXTRA.has(c);
  return [...text]
    .map((c) => {
      if (drawable(c)) return c;
      if (c === '\t' || c === '\r') return ' ';
      const base = c.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      return base !== '' && [...base].every(drawable) ? base : '?';
    })
    .join('');
}

type Doc = InstanceType<typeof PDFDocument>;

function heading(doc: Doc, text: string): void {
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).fillColor(INK).text(printable(text));
  doc.moveDown(0.3);
}

function pairs(doc: Doc, items: [string, string][]): void {
  for (const [label, value] of items) {
    doc.font('Helvetica-Bold').fontSize(10).fillColor(INK).text(`${printable(label)}: `, { continued: true });
    doc.font('Helvetica').text(printable(value));
    doc.moveDown(0.2);
  }
}

function row(doc: Doc, r: RecordRow): void {
  // A row starting at the foot of a page moves to the next one whole.
  if (doc.y > doc.page.height - doc.page.margins.bottom - 60) doc.addPage();
  doc.font('Helvetica-Bold').fontSize(10).fillColor(INK).text(printable(`${r.seq}. ${r.event}`), { continued: true });
  doc.font('Helvetica').fillColor(MUTED).text(printable(`  ${r.when}`));
  doc.fillColor(INK).text(printable(r.stage ? `${r.who} · ${r.stage}` : r.who));
  for (const note of r.notes) doc.text(printable(note), { indent: 12 });
  doc.moveDown(0.4);
}

function footers(doc: Doc, printedAt: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGIN + 15;
    // The footer sits in the bottom margin; without this pdfkit would start a new page for it.
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(8).fillColor(MUTED);
    doc.text(printable(`Dicetak dari Estafet pada ${printedAt}`), MARGIN, y, { lineBreak: false });
    doc.text(`Halaman ${i + 1} dari ${count}`, MARGIN, y, { align: 'right', width: doc.page.width - 2 * MARGIN, lineBreak: false });
  }
}

/** The record drawn as a PDF file. */
export function renderRecordPdf(record: RecordDocument, options: RecordPdfOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    compress: options.compress ?? true,
    info: { Title: printable(`Riwayat Usulan: ${record.title}`), Author: 'Estafet' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica').fontSize(10).fillColor(MUTED).text('Riwayat Usulan');
  doc.font('Helvetica-Bold').fontSize(16).fillColor(INK).text(printable(record.title));
  doc.moveDown(0.5);
  pairs(doc, record.facts);
  heading(doc, 'Isi Usulan');
  pairs(doc, record.content);
  heading(doc, 'Tahapan');
  record.stages.forEach((s, i) => doc.font('Helvetica').fontSize(10).fillColor(INK).text(printable(`${i + 1}. ${s.name}: ${s.state}`)));
  if (record.stages.length === 0) doc.font('Helvetica').fontSize(10).text('Rantai persetujuan belum diketahui.');
  heading(doc, 'Riwayat');
  doc.font('Helvetica-Bold').fontSize(10).fillColor(record.verified ? OK : DANGER).text(printable(record.verification));
  doc.moveDown(0.5);
  record.rows.forEach((r) => row(doc, r));
  if (record.rows.length === 0) doc.font('Helvetica').fontSize(10).fillColor(INK).text('Belum ada catatan.');
  footers(doc, record.printedAt);
  doc.end();
  return done;
}
