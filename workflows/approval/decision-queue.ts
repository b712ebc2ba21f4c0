/**
 * The handoff of accepted decisions from the `decide` update handler to the main loop, first in,
 * first out. The handler applies a decision to its task, queues a ticket and waits until the ticket
 * is answered; the main loop takes what is queued at the moment it acts (`upToNow`), writes what
 * those decisions settle, and answers them once that is in the record, so an update returns only
 * when its consequences are in the read model. Decisions queued meanwhile wait for the next turn.
 * Pure: no Temporal calls.
 */
export interface Ticket {
  answered: boolean;
}

export class DecisionQueue {
  private pending: Ticket[] = [];

  /** A decision was applied to its task: its ticket waits for the main loop. */
  accept(): Ticket {
    const ticket: Ticket = { answered: false };
    this.pending.push(ticket);
    return ticket;
  }

  /** Whether some accepted decision still waits for its answer. */
  get hasPending(): boolean {
    return this.pending.length > 0;
  }

  /** Whether every accepted decision has been answered. */
  get settled(): boolean {
    return this.pending.length === 0;
  }

  /** The decisions waiting now, oldest first: the ones the main loop's next write settles. */
  upToNow(): Ticket[] {
    return [...this.pending];
  }

  /** These decisions' consequences are in the record: their updates may return. */
  answer(tickets: readonly Ticket[]): void {
    if (tickets.length === 0) return;
    for (const ticket of tickets) ticket.answered = true;
    this.pending = this.pending.filter((t) => !t.answered);
  }

  /** The approval closed: every decision caught by it is answered with the closed state. */
  answerAll(): void {
    this.answer(this.pending);
  }
}
