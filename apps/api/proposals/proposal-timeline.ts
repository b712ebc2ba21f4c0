import { causedByAnEnd } from '@libs/domain/acting-authority';
import type { TimelineItemView } from './dto/proposal.views';

/** A history row as the timeline query reads it (joined with the actor's name and post). */
export interface TimelineRow {
  seq: number;
  type: string;
  occurredAt: Date;
  actorName: string | null;
  actorPositionTitle: string | null;
  capacity: string | null;
  taskStageName: string | null;
  data: Record<string, unknown>;
}

/** Bahasa Indonesia labels of history event types, as the Riwayat reads to users. */
export const TIMELINE_LABELS_ID: Record<string, string> = {
  'proposal.submitted': 'Diajukan',
  'proposal.resubmitted': 'Diajukan ulang',
  'proposal.approved': 'Usulan Disetujui',
  'proposal.rejected': 'Usulan Ditolak',
  'proposal.returned': 'Dikembalikan untuk Perbaikan',
  'proposal.withdrawn': 'Ditarik',
  'proposal.cancelled': 'Dibatalkan',
  'stage.opened': 'Tahapan dibuka',
  'stage.skipped': 'Tahapan dilewati',
  'stage.blocked': 'Tahapan tertahan',
  'stage.approved': 'Tahapan disetujui',
  'stage.rejected': 'Tahapan ditolak',
  'stage.returned': 'Tahapan dikembalikan',
  'task.created': 'Tugas dibuat',
  'task.reminded': 'Pengingat',
  'task.overdue': 'Jatuh Tempo',
  'task.escalated': 'Eskalasi',
  'task.timeout': 'Batas Waktu terlewati',
  'task.reassigned': 'Dialihkan',
  'task.delegated': 'Pelimpahan',
};

const DECISION_LABELS_ID: Record<string, string> = {
  approve: 'Disetujui',
  reject: 'Ditolak',
  return: 'Dikembalikan untuk Perbaikan',
};

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
const int = (value: unknown): number | null => (typeof value === 'number' && Number.isInteger(value) ? value : null);

/** The label of one history row; a decision is labelled by what was decided. Unknown types show as recorded. */
export function timelineLabel(type: string, data: Record<string, unknown>): string {
  if (type === 'task.decided') return DECISION_LABELS_ID[String(data.decision)] ?? 'Diputuskan';
  return TIMELINE_LABELS_ID[type] ?? type;
}

const CAPACITY_LABELS_ID: Record<string, string> = { plt: 'Plt.', plh: 'Plh.', disposisi: 'Disposisi' };

/** "Sri Wahyuni (Plt.)", "Andi (Pelimpahan dari Budi)", or the post being vacant. */
function holderText(value: unknown): string {
  const h = (value ?? {}) as { name?: unknown; capacity?: unknown; onBehalfOf?: { name?: unknown } | null };
  const name = text(h.name);
  if (!name) return 'jabatan kosong';
  if (h.capacity === 'delegate') return `${name} (Pelimpahan dari ${text(h.onBehalfOf?.name) ?? 'pejabat'})`;
  const capacity = CAPACITY_LABELS_ID[String(h.capacity)];
  return capacity ? `${name} (${capacity})` : name;
}

const personName = (value: unknown): string | undefined => text((value as { name?: unknown } | null | undefined)?.name);

/**
 * On what authority a task moved, as recorded with task.reassigned: the decree of the appointment (or
 * the reason of the delegation) that caused it and who recorded it, or for an ending who ended the term.
 * Empty for moves recorded before the authority was.
 */
function authorityText(data: Record<string, unknown>): string {
  const authority = (data.authority ?? null) as { term?: Record<string, unknown> | null; ended?: Record<string, unknown> | null } | null;
  if (!authority) return '';
  const ending = causedByAnEnd(String(data.reasonCode)) && authority.ended ? authority.ended : null;
  const cause = ending ?? authority.term;
  if (!cause) return '';
  const parts: string[] = [];
  const basis = text(cause.basis);
  if (basis) parts.push(cause.kind === 'delegation' ? `alasan: ${basis}` : basis);
  if (ending) {
    const by = personName(ending.endedBy);
    parts.push(by ? `diakhiri oleh ${by}${text(ending.endReason) ? ` (${text(ending.endReason)})` : ''}` : 'berakhir sesuai tanggal');
  }
  const recorder = personName(cause.recordedBy);
  if (recorder && !(ending && personName(ending.endedBy))) parts.push(`dicatat oleh ${recorder}`);
  return parts.length ? ` — ${parts.join(', ')}` : '';
}

/** "Pengusul memegang jabatan Kepala Seksi …: dialihkan ke atasan" for a slot routed around the proposer. */
function routedAroundText(data: Record<string, unknown>): string | undefined {
  const routed = data.routedAround as { positionTitle?: unknown } | undefined;
  if (!routed) return undefined;
  return `Pengusul memegang jabatan ${text(routed.positionTitle) ?? 'yang ditunjuk'}: tugas dialihkan ke jabatan atasan`;
}

/** One compact timeline item: who did what, when, in which post and capacity, and the note or reason if any. */
export function timelineItem(row: TimelineRow): TimelineItemView {
  const { data } = row;
  const item: TimelineItemView = {
    seq: row.seq,
    type: row.type,
    label: timelineLabel(row.type, data),
    occurredAt: row.occurredAt,
    actorName: row.actorName,
    actorPositionTitle: row.actorPositionTitle,
    capacity: row.capacity,
    stageName: text(data.stage) ?? row.taskStageName,
    round: int(data.round),
  };
  // Decisions carry a comment, a resubmission a note; withdrawal, cancellation and a blocked stage a reason.
  const comment = text(data.comment) ?? text(data.note);
  // A reassignment reads as its reason and the hand-over: "Penunjukan Plt.: Hendra → Sri (Plt.)".
  const reason =
    row.type === 'task.reassigned'
      ? `${text(data.reason) ?? 'Dialihkan'}: ${holderText(data.from)} → ${holderText(data.to)}${authorityText(data)}`
      : row.type === 'task.created'
        ? routedAroundText(data)
        : text(data.reason);
  if (comment !== undefined) item.comment = comment;
  if (reason !== undefined) item.reason = reason;
  return item;
}
