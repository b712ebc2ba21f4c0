import type { HistoryFact, RoutedAround, TaskHolder, TaskReassignedData } from '@libs/contracts/record.contract';
import { readHistoryFact } from '@libs/contracts/record.validation';
import { causedByAnEnd } from '@libs/domain/acting-authority';
import type { Capacity, Decision } from '@libs/domain/proposal';
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
  'task.decided': 'Diputuskan',
  'task.reassigned': 'Dialihkan',
  // Written by early releases only; kept so their rows read in words.
  'task.delegated': 'Pelimpahan',
};

const DECISION_LABELS_ID: Record<Decision, string> = {
  approve: 'Disetujui',
  reject: 'Ditolak',
  return: 'Dikembalikan untuk Perbaikan',
};

const text = (value: string | null | undefined): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/** The label of a type alone: what a row shows when no schema describes it. Unknown types show as recorded. */
const typeLabel = (type: string): string => TIMELINE_LABELS_ID[type] ?? type;

/** The label of one fact; a decision is labelled by what was decided. */
function factLabel(fact: HistoryFact): string {
  return fact.type === 'task.decided' ? DECISION_LABELS_ID[fact.data.decision] : typeLabel(fact.type);
}

const CAPACITY_LABELS_ID: Partial<Record<Capacity, string>> = { plt: 'Plt.', plh: 'Plh.', disposisi: 'pengalihan tugas' };

/** "Sri Wahyuni (Plt.)", "Andi (Pelimpahan dari Budi)", or the post being vacant. */
function holderText(holder: TaskHolder): string {
  const name = text(holder.name);
  if (!name) return 'jabatan kosong';
  if (holder.capacity === 'delegate') return `${name} (Pelimpahan dari ${text(holder.onBehalfOf?.name) ?? 'pejabat'})`;
  const capacity = holder.capacity ? CAPACITY_LABELS_ID[holder.capacity] : undefined;
  return capacity ? `${name} (${capacity})` : name;
}

/**
 * On what authority a task moved, as recorded with task.reassigned: the decree of the appointment (or
 * the reason of the delegation) that caused it and who recorded it, or for an ending who ended the term.
 * Empty for moves recorded before the authority was.
 */
function authorityText({ authority, reasonCode }: TaskReassignedData): string {
  if (!authority) return '';
  const ending = causedByAnEnd(reasonCode) && authority.ended ? authority.ended : null;
  const cause = ending ?? authority.term;
  if (!cause) return '';
  const parts: string[] = [];
  const basis = text(cause.basis);
  if (basis) parts.push(cause.kind === 'delegation' ? `alasan: ${basis}` : basis);
  if (ending) {
    const by = text(ending.endedBy?.name);
    const why = text(ending.endReason);
    parts.push(by ? `diakhiri oleh ${by}${why ? ` (${why})` : ''}` : 'berakhir sesuai tanggal');
  }
  const recorder = text(cause.recordedBy?.name);
  if (recorder && !(ending && text(ending.endedBy?.name))) parts.push(`dicatat oleh ${recorder}`);
  return parts.length ? ` — ${parts.join(', ')}` : '';
}

/** "Pengusul memegang jabatan Kepala Seksi …: dialihkan ke atasan" for a slot routed around the proposer. */
const routedAroundText = (routed: RoutedAround): string =>
  `Pengusul memegang jabatan ${text(routed.positionTitle) ?? 'yang ditunjuk'}: tugas dialihkan ke jabatan atasan`;

/** The stage an event names itself (stage events do); other rows take their task's stage. */
const stageOf = (fact: HistoryFact): string | undefined => ('stage' in fact.data ? text(fact.data.stage) : undefined);

const roundOf = (fact: HistoryFact): number | null => ('round' in fact.data ? (fact.data.round ?? null) : null);

/** A decision's comment, or the note of a resubmission or of a Disposisi. */
function commentOf(fact: HistoryFact): string | undefined {
  switch (fact.type) {
    case 'task.decided':
      return text(fact.data.comment);
    case 'proposal.resubmitted':
    case 'task.reassigned':
      return text(fact.data.note);
    default:
      return undefined;
  }
}

/** Why a proposal was withdrawn or cancelled or a stage blocked; a reassignment as its reason and hand-over; a task routed around the proposer. */
function reasonOf(fact: HistoryFact): string | undefined {
  switch (fact.type) {
    case 'task.reassigned':
      // "Penunjukan Plt.: Hendra → Sri (Plt.)".
      return `${text(fact.data.reason) ?? 'Dialihkan'}: ${holderText(fact.data.from)} → ${holderText(fact.data.to)}${authorityText(fact.data)}`;
    case 'task.created':
      return fact.data.routedAround ? routedAroundText(fact.data.routedAround) : undefined;
    case 'stage.blocked':
    case 'proposal.withdrawn':
    case 'proposal.cancelled':
      return text(fact.data.reason);
    default:
      return undefined;
  }
}

/**
 * One compact timeline item: who did what, when, in which post and capacity, and the note or reason
 * if any. The row is read through the record's schema; a row no schema describes (an unknown type, or
 * data that does not match its type) shows by its type alone, so nothing is read from data whose
 * meaning is unknown. A caller that has read the row already passes its fact.
 */
export function timelineItem(row: TimelineRow, fact: HistoryFact | null = readHistoryFact(row.type, row.data)): TimelineItemView {
  const item: TimelineItemView = {
    seq: row.seq,
    type: row.type,
    label: fact ? factLabel(fact) : typeLabel(row.type),
    occurredAt: row.occurredAt,
    actorName: row.actorName,
    actorPositionTitle: row.actorPositionTitle,
    capacity: row.capacity,
    stageName: (fact && stageOf(fact)) ?? row.taskStageName,
    round: fact ? roundOf(fact) : null,
  };
  if (!fact) return item;
  const comment = commentOf(fact);
  const reason = reasonOf(fact);
  if (comment !== undefined) item.comment = comment;
  if (reason !== undefined) item.reason = reason;
  return item;
}
