import { proposalFixture } from '../../../../test/support/proposal-view.fixture';
import { recordDocument, recordTime } from './record-document';

const NOW = new Date('2026-03-05T03:00:00Z');

describe('recordDocument: the printed record in words', () => {
  it('prints each moment in the chosen Indonesian time zone, named', () => {
    expect(recordTime('2026-03-02T01:15:00Z', 'Asia/Jakarta')).toMatch(/^2 Mar 2026,? 08[.:]15 WIB$/);
    expect(recordTime('2026-03-02T01:15:00Z', 'Asia/Makassar')).toMatch(/^2 Mar 2026,? 09[.:]15 WITA$/);
    expect(recordTime('2026-03-02T23:15:00Z', 'Asia/Jayapura')).toMatch(/^3 Mar 2026,? 08[.:]15 WIT$/);
  });

  it('names the proposer, the unit, the status and the chain', () => {
    const doc = recordDocument(proposalFixture(), { valid: true, count: 3 }, 'Asia/Jakarta', NOW);
    expect(doc.title).toBe('Antrean daring perizinan');
    expect(Object.fromEntries(doc.facts)).toMatchObject({
      Pengusul: 'Rina Wulandari',
      'Unit pengusul': 'Bidang Pelayanan Perizinan',
      'Status Usulan': 'Disetujui',
      'Rantai persetujuan': 'Rantai Umum (versi 2)',
    });
    expect(Object.fromEntries(doc.facts)['Diajukan pada']).toMatch(/08[.:]15 WIB$/);
    expect(doc.printedAt).toMatch(/10[.:]00 WIB$/);
  });

  it('prints the content in words, what was left empty as such', () => {
    const content = Object.fromEntries(recordDocument(proposalFixture(), { valid: true, count: 3 }, 'Asia/Jakarta', NOW).content);
    expect(content['Jenis inovasi']).toBe('Inovasi digital');
    expect(content.Inisiator).toBe('Kelompok');
    expect(content.Manfaat).toBe('Tidak diisi');
    expect(content['Perkiraan anggaran']).toMatch(/^Rp\s?75\.000\.000(,00)?$/);
    expect(content['Rencana uji coba']).toBe('6 bulan — Loket pusat');
    expect(content['Indikator keberhasilan']).toBe('Waktu tunggu: dari 120 menit menjadi 30 menit');
  });

  it('prints the chain stage by stage and every row of the Riwayat: who, in what capacity, when, notes', () => {
    const doc = recordDocument(proposalFixture(), { valid: true, count: 3 }, 'Asia/Makassar', NOW);
    expect(doc.stages).toEqual([
      { name: 'Kepala Seksi', state: 'Disetujui' },
      { name: 'Kepala Dinas', state: 'Dilewati' },
    ]);
    expect(doc.rows).toHaveLength(3);
    expect(doc.rows[1]).toEqual({
      seq: 2,
      when: expect.stringMatching(/^4 Mar 2026,? 17[.:]30 WITA$/),
      event: 'Disetujui',
      who: 'Asih Pengganti, Plt., Kepala Seksi Perizinan',
      stage: 'Kepala Seksi, putaran 1',
      notes: ['Catatan: Setuju, lanjutkan.'],
    });
    expect(doc.rows[2]).toMatchObject({ who: 'Sistem', stage: null, notes: ['Alasan: Sudah ada program serupa.'] });
  });

  it('says in plain words whether the Riwayat is intact', () => {
    const intact = recordDocument(proposalFixture(), { valid: true, count: 3 }, 'Asia/Jakarta', NOW);
    expect(intact).toMatchObject({ verified: true, verification: 'Riwayat utuh, tidak diubah: seluruh 3 catatan telah diperiksa.' });
    const broken = recordDocument(proposalFixture(), { valid: false, count: 3, brokenAt: { id: 'x', seq: 2, reason: 'hash mismatch' } }, 'Asia/Jakarta', NOW);
    expect(broken).toMatchObject({ verified: false, verification: 'Riwayat tidak utuh: catatan nomor 2 tidak sama dengan yang dicatat semula.' });
    expect(broken.verification).not.toMatch(/hash/i);
  });
});
