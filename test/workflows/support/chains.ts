import type { StageDefinition } from '@libs/domain/chain';
import type { Post } from './fake-organization';

/** A stage of the named posts (one slot each), `any` unless told otherwise. */
export const stage = (key: string, postIds: string[], extra: Partial<StageDefinition> = {}): StageDefinition => ({
  key,
  name: `Tahap ${key}`,
  approvers: [{ kind: 'positions', positionIds: postIds }],
  mode: 'any',
  ...extra,
});

/**
 * The organization of the workflow tests: a section head under a division head under the agency
 * head under the regional secretary (the top, with no superior); three evaluators beside them; an
 * inspector for `escalate-to`; a vacant post; a post held by a Plh.
 */
export const POSTS: Post[] = [
  { id: 'kasi', title: 'Kepala Seksi', personId: 'siti', superior: 'kabid' },
  { id: 'kabid', title: 'Kepala Bidang', personId: 'bayu', superior: 'kadis' },
  { id: 'kadis', title: 'Kepala Dinas', personId: 'hendra', superior: 'sekda' },
  { id: 'sekda', title: 'Sekretaris Daerah', personId: 'budi' },
  { id: 'eval-1', title: 'Evaluator 1', personId: 'ana', superior: 'kabid' },
  { id: 'eval-2', title: 'Evaluator 2', personId: 'citra', superior: 'kabid' },
  { id: 'eval-3', title: 'Evaluator 3', personId: 'dewi', superior: 'kabid' },
  { id: 'inspektur', title: 'Inspektur', personId: 'ratna' },
  { id: 'kosong', title: 'Jabatan Kosong', personId: null, superior: 'kabid' },
  { id: 'kapus', title: 'Kepala Pusat', personId: 'eko', capacity: 'plh', superior: 'kadis' },
];

/** The three evaluators' posts, for the `all` and `quorum` stages. */
export const EVALUATORS = ['eval-1', 'eval-2', 'eval-3'];
