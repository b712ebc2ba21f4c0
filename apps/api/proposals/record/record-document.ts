import type { ProposalView, VerificationView } from '../dto/proposal.views';

/**
 * What the printed record of a proposal says (GET /api/proposals/:id/record.pdf), as lines of text in
 * Bahasa Indonesia, the language of the agency's files: the proposal, its chain, every row of the
 * Riwayat (who, in what capacity, when in the reader's Indonesian time zone, notes) and whether the
 * Riwayat is intact. Pure: the layout (record-pdf.ts) only draws what this gives it.
 */

/** The time zones of Indonesia the record can be printed in, and how people name them. */
export const RECORD_TIME_ZONES = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' } as const;
export type RecordTimeZone = keyof typeof RECORD_TIME_ZONES;
export const DEFAULT_RECORD_TIME_ZONE: RecordTimeZone = 'Asia/Jakarta';

export interface RecordRow {
  seq: number;
  when: string;
  event: string;
  /** "Siti Rahmawati, Plt., Kepala Bidang …", or "Sistem". */
  who: string;
  stage: string | null;
  notes: string[];
}

export interface RecordDocument {
  title: string;
  facts: [label: string, value: string][];
  content: [label: string, value: string][];
  stages: { name: string; state: string }[];
  rows: RecordRow[];
  verified: boolean;
  verification: string;
  printedAt: string;
}

const CAPACITY: Record<string, string> = { definitif: 'Pejabat Definitif', plt: 'Plt.', plh: 'Plh.', delegate: 'Pelimpahan', disposisi: 'Pengalihan tugas oleh admin' };
const STAGE_STATE: Record<string, string> = {
  pending: 'Belum dimulai',
  open: 'Sedang berjalan',
  approved: 'Disetujui',
  rejected: 'Ditolak',
  returned: 'Dikembalikan',
  skipped: 'Dilewati',
  blocked: 'Tertahan',
  stopped: 'Dihentikan',
};
const TYPE: Record<string, string> = { digital: 'Inovasi digital', 'non-digital': 'Inovasi non-digital' };
const FORM: Record<string, string> = { 'tata-kelola': 'Inovasi tata kelola pemerintahan daerah', 'pelayanan-publik': 'Inovasi pelayanan publik', lainnya: 'Inovasi daerah lainnya' };
const INITIATOR: Record<string, string> = { individu: 'Perorangan', kelompok: 'Kelompok', 'unit-kerja': 'Unit kerja' };
const NOT_GIVEN = 'Tidak diisi';

/** A moment as the record prints it: "2 Mar 2026 15.15 WIB". */
export function recordTime(at: Date | string, zone: RecordTimeZone): string {
  const date = new Date(at);
  const text = new Intl.DateTimeFormat('id-ID', { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(date);
  return `${text} ${RECORD_TIME_ZONES[zone]}`;
}

const rupiah = (n: number) => new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', maximumFractionDigits: 2 }).format(n);
const or = (value: string | null | undefined) => (value && value.trim() !== '' ? value : NOT_GIVEN);
const labelled = (labels: Record<string, string>, value: string) => (value ? (labels[value] ?? value) : NOT_GIVEN);

function contentOf(p: ProposalView): [string, string][] {
  return [
    ['Permasalahan', or(p.problem)],
    ['Rancang bangun (perubahan yang diusulkan)', or(p.proposedChange)],
    ['Tujuan', or(p.goals)],
    ['Manfaat', or(p.benefits)],
    ['Kategori usulan', or(p.category)],
    ['Jenis inovasi', labelled(TYPE, p.type)],
    ['Bentuk inovasi (PP 38/2017)', labelled(FORM, p.form)],
    ['Inisiator', labelled(INITIATOR, p.initiatorKind)],
    ['Perkiraan anggaran', p.budgetEstimate === null ? NOT_GIVEN : rupiah(p.budgetEstimate)],
    ['Rencana uji coba', p.pilotPlan ? `${p.pilotPlan.durationMonths} bulan — ${p.pilotPlan.scope}` : NOT_GIVEN],
    ['Indikator keberhasilan', p.indicators.length ? p.indicators.map((i) => `${i.name}: dari ${i.baseline} menjadi ${i.target}`).join('\n') : NOT_GIVEN],
    ['Risiko', or(p.risks)],
    ['Lampiran', p.attachments.length ? p.attachments.map((a) => `${a.name} (${a.url})`).join('\n') : NOT_GIVEN],
  ];
}

function factsOf(p: ProposalView, zone: RecordTimeZone): [string, string][] {
  const facts: [string, string][] = [
    ['Pengusul', or(p.proposerName)],
    ['Unit pengusul', or(p.unitName)],
    ['Status Usulan', p.statusLabel],
    ['Rantai persetujuan', p.chain ? `${p.chain.name} (versi ${p.chain.version})` : NOT_GIVEN],
    ['Putaran', String(p.round)],
    ['Versi isi', String(p.version)],
  ];
  if (p.submittedAt) facts.push(['Diajukan pada', recordTime(p.submittedAt, zone)]);
  if (p.decidedAt) facts.push(['Selesai pada', recordTime(p.decidedAt, zone)]);
  return facts;
}

function rowsOf(p: ProposalView, zone: RecordTimeZone): RecordRow[] {
  return p.timeline.map((item) => {
    const capacity = item.capacity ? (CAPACITY[item.capacity] ?? item.capacity) : null;
    const who = item.actorName ? [item.actorName, capacity, item.actorPositionTitle].filter(Boolean).join(', ') : 'Sistem';
    const notes = [item.comment ? `Catatan: ${item.comment}` : null, item.reason ? `Alasan: ${item.reason}` : null].filter((n): n is string => n !== null);
    const stage = item.stageName ? (item.round ? `${item.stageName}, putaran ${item.round}` : item.stageName) : null;
    return { seq: item.seq, when: recordTime(item.occurredAt, zone), event: item.label, who, stage, notes };
  });
}

function verificationText(v: VerificationView): string {
  if (v.valid) return `Riwayat utuh, tidak diubah: seluruh ${v.count} catatan telah diperiksa.`;
  return v.brokenAt
    ? `Riwayat tidak utuh: catatan nomor ${v.brokenAt.seq} tidak sama dengan yang dicatat semula.`
    : 'Riwayat tidak utuh: ada catatan yang tidak sama dengan yang dicatat semula.';
}

export function recordDocument(p: ProposalView, verification: VerificationView, zone: RecordTimeZone, now: Date): RecordDocument {
  return {
    title: p.title,
    facts: factsOf(p, zone),
    content: contentOf(p),
    stages: p.stages.map((s) => ({ name: s.name, state: STAGE_STATE[s.state] ?? s.state })),
    rows: rowsOf(p, zone),
    verified: verification.valid,
    verification: verificationText(verification),
    printedAt: recordTime(now, zone),
  };
}
