import type { StageDefinitionDto } from '@apps/web/src/lib/api-types';

/** Every post a chain names (approvers and escalation targets), to show them by title. */
export function postsOf(stages: StageDefinitionDto[]): string[] {
  const ids = new Set<string>();
  for (const s of stages) {
    for (const a of s.approvers) {
      if (a.kind === 'position' && a.positionId) ids.add(a.positionId);
      if (a.kind === 'positions') a.positionIds?.forEach((id) => ids.add(id));
    }
    if (s.onTimeout?.positionId) ids.add(s.onTimeout.positionId);
  }
  return [...ids];
}
