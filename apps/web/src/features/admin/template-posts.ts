export type ApproverSelector =
  | { kind: 'position'; positionId: string }
  | { kind: 'positions'; positionIds: string[] }
  | { kind: 'head-of-proposer-unit' }
  | { kind: 'head-of-parent-unit' };

export interface Stage {
  key: string;
  name: string;
  approvers: ApproverSelector[];
  mode: string;
  condition?: { field: string; op: string; value: number | string[] | boolean };
  sla?: string;
  reminders?: string[];
  onTimeout?: { action: string; positionId?: string; after?: string; maxEscalations?: number };
  mayReturn?: boolean;
  requiresDefinitive?: boolean;
}

export interface Template {
  id: string;
  code: string;
  version: number;
  name: string;
  categories: string[];
  stages: Stage[];
  createdAt: string;
  versions: number[];
  inUse: number;
  inUseAllVersions: number;
}

/** Every post a chain names (approvers and escalation targets), to show them by title. */
export function postsOf(stages: Stage[]): string[] {
  const ids = new Set<string>();
  for (const s of stages) {
    for (const a of s.approvers) {
      if (a.kind === 'position') ids.add(a.positionId);
      if (a.kind === 'positions') a.positionIds.forEach((id) => ids.add(id));
    }
    if (s.onTimeout?.positionId) ids.add(s.onTimeout.positionId);
  }
  return [...ids];
}
