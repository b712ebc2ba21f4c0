/**
 * The Update ids the API sends with each change it asks of an approval workflow. Temporal applies one
 * Update id once per run and answers a repeat with the first result, so a request retried with its
 * Idempotency-Key (`updateKey` carries the key and the request's fingerprint, see
 * libs/http/idempotent-requests.ts) is applied once. The actor is part of every id: two people's keys
 * never collide.
 */
export const updateIds = {
  decision: (actorPersonId: string, taskId: string, updateKey: string) => `decision:${actorPersonId}:${taskId}:${updateKey}`,
  resubmit: (actorPersonId: string, updateKey: string) => `resubmit:${actorPersonId}:${updateKey}`,
  cancel: (actorPersonId: string, updateKey: string) => `cancel:${actorPersonId}:${updateKey}`,
  /** One Disposisi request spans several approvals: each gets its own Update, named by its proposal. */
  assign: (actorPersonId: string, proposalId: string, updateKey: string) => `assign:${actorPersonId}:${proposalId}:${updateKey}`,
} as const;
