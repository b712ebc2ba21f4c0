import { actingBoundaries, actingFor, AppointmentFact, DelegationFact, effectiveActing, reassignmentReason } from './acting';

const d = (s: string) => new Date(s);
const at = d('2026-06-01T00:00:00Z');

describe('actingFor', () => {
  it('returns the definitive holder', () => {
    const list: AppointmentFact[] = [{ personId: 'a', capacity: 'definitif', startsAt: d('2025-01-01'), endsAt: null }];
    expect(actingFor(list, at)).toEqual({ personId: 'a', capacity: 'definitif' });
  });

  it('prefers a Plh. over the absent definitive holder while the term runs', () => {
    const list: AppointmentFact[] = [
      { personId: 'a', capacity: 'definitif', startsAt: d('2025-01-01'), endsAt: null },
      { personId: 'h', capacity: 'plh', startsAt: d('2026-05-30'), endsAt: d('2026-06-05') },
    ];
    expect(actingFor(list, at)).toEqual({ personId: 'h', capacity: 'plh' });
    expect(actingFor(list, d('2026-06-05T00:00:00Z'))).toEqual({ personId: 'a', capacity: 'definitif' });
  });

  it('falls back to a Plt. for a vacant post, and to nobody', () => {
    const list: AppointmentFact[] = [
      { personId: 'a', capacity: 'definitif', startsAt: d('2025-01-01'), endsAt: d('2026-05-01') },
      { personId: 't', capacity: 'plt', startsAt: d('2026-05-01'), endsAt: null },
    ];
    expect(actingFor(list, at)).toEqual({ personId: 't', capacity: 'plt' });
    expect(actingFor(list.slice(0, 1), at)).toBeNull();
  });

  it('ignores appointments that have not started yet', () => {
    const list: AppointmentFact[] = [{ personId: 'a', capacity: 'definitif', startsAt: d('2027-01-01'), endsAt: null }];
    expect(actingFor(list, at)).toBeNull();
  });
});

describe('effectiveActing', () => {
  const holder: AppointmentFact = { personId: 'a', capacity: 'definitif', startsAt: d('2025-01-01'), endsAt: null };
  const away: DelegationFact = { delegatorPersonId: 'a', delegatePersonId: 'x', startsAt: d('2026-05-30'), endsAt: d('2026-06-03'), revokedAt: null };

  it('gives the delegate while the delegation runs, on behalf of the holder', () => {
    expect(effectiveActing([holder], [away], at)).toEqual({ personId: 'x', capacity: 'delegate', onBehalfOfPersonId: 'a' });
    expect(effectiveActing([holder], [away], d('2026-06-03T00:00:00Z'))).toEqual({ personId: 'a', capacity: 'definitif', onBehalfOfPersonId: null });
  });

  it('ignores a revoked delegation and one by someone who no longer acts for the post', () => {
    expect(effectiveActing([holder], [{ ...away, revokedAt: d('2026-05-31') }], at)?.personId).toBe('a');
    const moved: AppointmentFact[] = [{ ...holder, endsAt: d('2026-05-31') }, { personId: 'b', capacity: 'definitif', startsAt: d('2026-05-31'), endsAt: null }];
    expect(effectiveActing(moved, [away], at)).toEqual({ personId: 'b', capacity: 'definitif', onBehalfOfPersonId: null });
  });

  it('is null for a vacant post, whatever the delegations', () => {
    expect(effectiveActing([], [away], at)).toBeNull();
  });
});

describe('actingBoundaries', () => {
  it('lists future starts and ends of terms and live delegations, in order', () => {
    const plh: AppointmentFact = { personId: 'h', capacity: 'plh', startsAt: d('2026-06-02'), endsAt: d('2026-06-09') };
    const revoked: DelegationFact = { delegatorPersonId: 'a', delegatePersonId: 'x', startsAt: d('2026-06-04'), endsAt: d('2026-06-05'), revokedAt: at };
    const live: DelegationFact = { ...revoked, startsAt: d('2026-06-06'), endsAt: d('2026-06-07'), revokedAt: null };
    const list = actingBoundaries([{ personId: 'a', capacity: 'definitif', startsAt: d('2025-01-01'), endsAt: null }, plh], [revoked, live], at);
    expect(list.map((m) => m.toISOString().slice(0, 10))).toEqual(['2026-06-02', '2026-06-06', '2026-06-07', '2026-06-09']);
  });
});

describe('reassignmentReason', () => {
  const def = (personId: string) => ({ personId, capacity: 'definitif' as const });
  it.each([
    [def('a'), def('b'), 'mutasi'],
    [def('a'), { personId: 'p', capacity: 'plt' as const }, 'plt'],
    [def('a'), { personId: 'h', capacity: 'plh' as const }, 'plh'],
    [{ personId: 'h', capacity: 'plh' as const }, def('a'), 'plh-ended'],
    [def('a'), { personId: 'x', capacity: 'delegate' as const }, 'delegation'],
    [{ personId: 'x', capacity: 'delegate' as const }, def('a'), 'delegation-ended'],
    [{ personId: 'p', capacity: 'plt' as const }, def('b'), 'definitive'],
    [{ personId: null, capacity: null }, def('b'), 'definitive'],
    [def('a'), { personId: null, capacity: null }, 'vacant'],
    [{ personId: 'h', capacity: 'plh' as const }, { personId: 'p', capacity: 'plt' as const }, 'plh-ended'],
  ])('%j → %j is %s', (from, to, reason) => {
    expect(reassignmentReason(from, to)).toBe(reason);
  });
});
