import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@libs/auth/auth.types';
import { actingFor } from '@libs/domain/acting';
import { PROPOSAL_STATUS_LABELS_ID } from '@libs/domain/proposal';
import { forbidden, notFound } from '@libs/http/domain-error';
import { CustodyQueries } from '@libs/persistence/custody.queries';
import type { AppointmentEntity } from '@libs/persistence/entities';
import { HandoverQueries } from '@libs/persistence/handover.queries';
import { loadCustody } from './custody';
import {
  ActingNowView,
  HANDOVER_LIST_CAP,
  HandoverOpenTaskView,
  HandoverPositionView,
  HandoverProposalView,
  HandoverView,
} from './dto/handover.view';

/** The lists ask for one row beyond the cap, to know whether there were more. */
const LIMIT = HANDOVER_LIST_CAP + 1;

/** At most the cap, and whether there were more (the queries ask for one row beyond it). */
const capped = <T>(rows: T[]) => ({ items: rows.slice(0, HANDOVER_LIST_CAP), truncated: rows.length > HANDOVER_LIST_CAP });

/**
 * The handover of a post (serah terima jabatan) from the Postgres read models: its open work, the
 * approvals it gave that are still being built on, and what it let escalate, each with the proposal's
 * chain of custody. Nothing here asks a workflow.
 */
@Injectable()
export class HandoverService {
  constructor(
    private readonly queries: HandoverQueries,
    private readonly custody: CustodyQueries,
  ) {}

  async handover(user: AuthUser, positionId: string, now = new Date()): Promise<HandoverView> {
    const position: HandoverPositionView | null = await this.queries.position(positionId);
    if (!position) throw notFound('Position', positionId);

    const appointments = await this.queries.appointmentsOf(positionId);
    const acting = actingFor(appointments, now);
    this.authorize(user, acting?.personId ?? null, appointments, now);

    const [openTasks, approvedInProgress, escalationsPending, actingName] = await Promise.all([
      this.openTasks(positionId, now),
      this.queries.approvedInProgress(positionId, LIMIT),
      this.queries.escalationsPending(positionId, now, LIMIT),
      acting ? this.queries.personName(acting.personId) : null,
    ]);
    const actingNow: ActingNowView | null = acting ? { personId: acting.personId, name: actingName, capacity: acting.capacity } : null;

    const lists = { openTasks: capped(openTasks), approvedInProgress: capped(approvedInProgress), escalationsPending: capped(escalationsPending) };
    const proposalIds = [...lists.openTasks.items, ...lists.approvedInProgress.items, ...lists.escalationsPending.items].map((i) => i.proposalId);
    return { position, actingNow, generatedAt: now.toISOString(), ...lists, proposals: await this.proposals(proposalIds) };
  }

  /**
   * Administrators; the person acting for the post now; anyone appointed to it whose appointment has
   * not ended (the current holders and the incoming ones, whose appointment starts later).
   */
  private authorize(user: AuthUser, actingPersonId: string | null, appointments: AppointmentEntity[], now: Date): void {
    if (user.roles.includes('admin') || actingPersonId === user.personId) return;
    const appointed = appointments.some((a) => a.personId === user.personId && (a.endsAt === null || a.endsAt > now));
    if (appointed) return;
    throw forbidden(
      'NOT_POST_HOLDER',
      'Only administrators, the person acting for this post now and people appointed to it (now or from a later date) may see its handover.',
    );
  }

  private async openTasks(positionId: string, now: Date): Promise<HandoverOpenTaskView[]> {
    const rows = await this.queries.openTasks(positionId, now, LIMIT);
    return rows.map(({ onBehalfOfPersonId, onBehalfOfName, ...t }) => ({
      ...t,
      onBehalfOf: onBehalfOfPersonId ? { personId: onBehalfOfPersonId, name: onBehalfOfName } : null,
    }));
  }

  /** The proposals the lists name, each with its chain of custody: one query for them all, three for all their custody. */
  private async proposals(ids: string[]): Promise<Record<string, HandoverProposalView>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return {};
    const [rows, custody] = await Promise.all([this.queries.proposals(unique), loadCustody(this.custody, unique)]);
    const byId: Record<string, HandoverProposalView> = {};
    for (const p of rows) {
      byId[p.id] = {
        id: p.id,
        title: p.title,
        status: p.status,
        statusLabel: PROPOSAL_STATUS_LABELS_ID[p.status] ?? p.status,
        currentStageName: p.currentStageName,
        round: p.round,
        custody: custody.get(p.id) ?? [],
      };
    }
    return byId;
  }
}
