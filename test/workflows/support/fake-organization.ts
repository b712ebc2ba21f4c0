import { ApplicationFailure } from '@temporalio/common';
import type { ApprovalActivities } from '@activities/approval.activities';
import { APPROVER_NOT_FOUND, type ResolvedSlot } from '@activities/approver-resolver';
import type { Capacity } from '@libs/domain/proposal';
import type { FakeRecord } from './fake-record';

/** A post of the fake organization and who acts for it now. */
export interface Post {
  id: string;
  title: string;
  /** Null while the post is vacant. */
  personId: string | null;
  capacity?: Capacity;
  /** Where an escalation from this post goes (`escalate-superior`). */
  superior?: string;
}

/**
 * A fixed table of posts standing in for the organization in Postgres: the look-up activities
 * resolve selectors and escalations from it. Only `position` and `positions` selectors resolve
 * (the unit-head selectors and the proposer's routing are the real resolver's, tested against the
 * database); an unknown post fails as the real resolver does, so the stage is blocked.
 */
export class FakeOrganization {
  private readonly posts = new Map<string, Post>();

  constructor(private readonly initial: Post[]) {
    this.reset();
  }

  /** Back to the posts it started with: a test that appointed someone leaves the next one unaffected. */
  reset(): void {
    this.posts.clear();
    for (const post of this.initial) this.posts.set(post.id, { ...post });
  }

  slot(postId: string): ResolvedSlot {
    const post = this.posts.get(postId);
    if (!post) throw ApplicationFailure.nonRetryable(`unknown post(s): ${postId}`, APPROVER_NOT_FOUND);
    return {
      positionId: post.id,
      positionTitle: post.title,
      personId: post.personId,
      personName: post.personId ? nameOf(post.personId) : null,
      capacity: post.personId ? (post.capacity ?? 'definitif') : null,
    };
  }

  superiorOf(postId: string): string | undefined {
    return this.posts.get(postId)?.superior;
  }

  /** Someone else acts for the post from now on (a rotation, a Plt.); null leaves it vacant. */
  appoint(postId: string, personId: string | null, capacity: Capacity = 'definitif'): void {
    const post = this.posts.get(postId);
    if (!post) throw new Error(`no post ${postId}`);
    Object.assign(post, { personId, capacity });
  }
}

/** The name the fake organization gives a person: their id, capitalised. */
export const nameOf = (personId: string): string => personId.charAt(0).toUpperCase() + personId.slice(1);

/** Every activity the approval workflow calls, over the fake organization and the in-memory record. */
export function fakeApprovalActivities(org: FakeOrganization, record: FakeRecord): ApprovalActivities {
  return {
    async resolveApprovers({ selectors }) {
      return selectors.flatMap((s) => {
        if (s.kind === 'position') return [org.slot(s.positionId)];
        if (s.kind === 'positions') return s.positionIds.map((id) => org.slot(id));
        throw ApplicationFailure.nonRetryable(`the fake organization has no ${s.kind}`, APPROVER_NOT_FOUND);
      });
    },
    async resolveEscalation({ fromPositionId, targetPositionId }) {
      const target = targetPositionId ?? org.superiorOf(fromPositionId);
      return target ? org.slot(target) : null;
    },
    async resolveActing({ positionIds }) {
      return positionIds.map((id) => ({ ...org.slot(id), authority: null }));
    },
    record: record.write,
  };
}
