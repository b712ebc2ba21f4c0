import { pdfText } from '../../../../test/support/pdf-text';
import { recordDocument } from './record-document';
import { proposalFixture } from '../../../../test/support/proposal-view.fixture';
import { printable, renderRecordPdf } from './record-pdf';

const NOW = new Date('2026-03-05T03:00:00Z');
const record = (changes = {}) => recordDocument(proposalFixture(changes), { valid: true, count: 3 }, 'Asia/Jakarta', NOW);

describe('renderRecordPdf: the record as a PDF file', () => {
  it('writes a PDF whose text is the record: title, proposer, unit, status, each row, the verification', async () => {
    for (const compress of [false, true]) {
      const pdf = await renderRecordPdf(record(), { compress });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = pdfText(pdf);
      expect(text).toContain('Antrean daring perizinan');
      expect(text).toContain('Rina Wulandari');
      expect(text).toContain('Bidang Pelayanan Perizinan');
      expect(text).toContain('Disetujui');
      expect(text).toMatch(/2\. Disetujui/);
      expect(text).toContain('Asih Pengganti, Plt., Kepala Seksi Perizinan · Kepala Seksi, putaran 1');
      expect(text).toContain('Catatan: Setuju, lanjutkan.');
      expect(text).toContain('Riwayat utuh, tidak diubah: seluruh 3 catatan telah diperiksa.');
      expect(text).toContain('Rencana uji coba: ');
      expect(text).toContain('6 bulan — Loket pusat');
      expect(text).toContain('Halaman 1 dari 1');
    }
  });

  it('compresses the page contents unless told not to', async () => {
    const small = await renderRecordPdf(record(), { compress: true });
    const plain = await renderRecordPdf(record(), { compress: false });
    expect(small.toString('latin1')).toContain('/FlateDecode');
    expect(plain.toString('latin1')).not.toContain('/FlateDecode');
  });

  it('numbers every page of a long Riwayat', async () => {
    const rows = Array.from({ length: 80 }, (_, i) => ({
      seq: i + 1,
      type: 'task.reminded',
      label: 'Pengingat',
      occurredAt: new Date(NOW.getTime() - (80 - i) * 60_000),
      actorName: null,
      actorPositionTitle: null,
      capacity: null,
      stageName: 'Kepala Seksi',
      round: 1,
    }));
    const text = pdfText(await renderRecordPdf(record({ timeline: rows }), { compress: false }));
    const pages = Number(/Halaman 1 dari (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`Halaman ${pages} dari ${pages}`);
    expect(text).toContain('80. Pengingat');
  });

  it('draws what the standard fonts lack as its base letter, or "?"', () => {
    expect(printable('Rp 1.000 — “Café” … €')).toBe('Rp 1.000 — “Café” … €');
    expect(printable('Şahin Ğ')).toBe('Sahin G');
    expect(printable('✓ 漢\tx')).toBe('? ? x');
    expect(printable('baris\nkedua')).toBe('baris\nkedua');
  });
});
