import { actingTerms } from './acting';
import { AppointmentRow, authorityForTask, DelegationRow, moveActor, moveAuthority } from './acting-authority';

const d = (s: string) => new Date(s);
const at = d('2026-06-01T00:00:00Z');

const appointment = (over: Partial<AppointmentRow>): AppointmentRow => ({
  id: 'ap', personId: 'a', capacity: 'definitif', startsAt: d('2025-01-01'), endsAt: null, basis: null, endReason: null, createdByPersonId: null, endedByPersonId: null, ...over,
});
const delegation = (over: Partial<DelegationRow>): DelegationRow => ({
  id: 'dl', delegatorPersonId: 'a', delegatePersonId: 'x', startsAt: d('2026-05-30'), endsAt: d('2026-06-03'), revokedAt: null, reason: 'Dinas luar', createdByPersonId: 'a', revokedByPersonId: null, revokeReason: null, ...over,
});

describe('actingTerms', () => {
  it('names the appointment and the delegation behind who acts now', () => {
    const holder = appointment({});
    const away = delegation({});
    expect(actingTerms([holder], [away], at)).toEqual({ appointment: holder, delegation: away });
    expect(actingTerms([holder], [away], d('2026-06-04'))).toEqual({ appointment: holder, delegation: null });
    expect(actingTerms([], [away], at)).toBeNull();
  });
});

describe('moveAuthority', () => {
  it('gives a Plh. appointment with its decree and recorder, and nothing ended for the holder it stands in for', () => {
    const holder = appointment({ id: 'def' });
    const plh = appointment({ id: 'plh', personId: 'h', capacity: 'plh', startsAt: d('2026-05-31'), endsAt: d('2026-06-05'), basis: 'SK 800/1', createdByPersonId: 'admin' });
    const authority = moveAuthority([holder, plh], [], { personId: 'a', capacity: 'definitif', onBehalfOfPersonId: null }, at);
    expect(authority).toEqual({
      term: { kind: 'appointment', id: 'plh', personId: 'h', capacity: 'plh', basis: 'SK 800/1', startsAt: '2026-05-31T00:00:00.000Z', endsAt: '2026-06-05T00:00:00.000Z', recordedBy: { personId: 'admin', name: null } },
      ended: null,
    });
    expect(moveActor('plh', authority)).toBe('admin');
  });

  it('names the Plh. term that ran out by its date, and its recorder as the one who caused the move back', () => {
    const holder = appointment({ id: 'def' });
    const plh = appointment({ id: 'plh', personId: 'h', capacity: 'plh', startsAt: d('2026-05-20'), endsAt: d('2026-05-31'), basis: 'SK 800/1', createdByPersonId: 'admin' });
    const authority = moveAuthority([holder, plh], [], { personId: 'h', capacity: 'plh', onBehalfOfPersonId: null }, at);
    expect(authority.term).toMatchObject({ id: 'def', capacity: 'definitif' });
    expect(authority.ended).toMatchObject({ id: 'plh', endedAt: '2026-05-31T00:00:00.000Z', endedBy: null, endReason: null, basis: 'SK 800/1' });
    expect(moveActor('plh-ended', authority)).toBe('admin');
  });

  it('on a mutasi names the new decree and the previous holder ended by the administrator', () => {
    const old = appointment({ id: 'old', endsAt: d('2026-05-31'), endReason: 'Digantikan oleh B', endedByPersonId: 'admin2', createdByPersonId: 'admin1' });
    const next = appointment({ id: 'new', personId: 'b', startsAt: d('2026-05-31'), basis: 'SK 821/7', createdByPersonId: 'admin2' });
    const authority = moveAuthority([old, next], [], { personId: 'a', capacity: 'definitif', onBehalfOfPersonId: null }, at);
    expect(authority.term).toMatchObject({ id: 'new', basis: 'SK 821/7', recordedBy: { personId: 'admin2' } });
    expect(authority.ended).toMatchObject({ id: 'old', endedBy: { personId: 'admin2' }, endReason: 'Digantikan oleh B' });
    expect(moveActor('mutasi', authority)).toBe('admin2');
    // A vacancy is caused by the ending: whoever ended the term.
    expect(moveActor('vacant', { term: null, ended: authority.ended })).toBe('admin2');
  });

  it('for a delegate names the revoked delegation and who revoked it, or the delegator\'s ended term after a rotation', () => {
    const holder = appointment({});
    const revoked = delegation({ revokedAt: d('2026-05-31T12:00:00Z'), revokedByPersonId: 'admin', revokeReason: 'Sudah kembali' });
    const previous = { personId: 'x', capacity: 'delegate' as const, onBehalfOfPersonId: 'a' };
    const authority = moveAuthority([holder], [revoked], previous, at);
    expect(authority.term).toMatchObject({ kind: 'appointment', personId: 'a' });
    expect(authority.ended).toMatchObject({ kind: 'delegation', id: 'dl', basis: 'Dinas luar', endedBy: { personId: 'admin' }, endReason: 'Sudah kembali', delegator: { personId: 'a' } });
    expect(moveActor('delegation-ended', authority)).toBe('admin');

    const rotated = appointment({ endsAt: d('2026-05-31'), endedByPersonId: 'admin', endReason: 'Mutasi ke Kepala Dinas' });
    const successor = appointment({ id: 'b', personId: 'b', startsAt: d('2026-05-31'), createdByPersonId: 'admin' });
    const afterRotation = moveAuthority([rotated, successor], [delegation({})], previous, at);
    expect(afterRotation.ended).toMatchObject({ kind: 'appointment', personId: 'a', endReason: 'Mutasi ke Kepala Dinas' });
  });

  it('gives the delegation as the term of a delegate, recorded by whoever made it', () => {
    const authority = moveAuthority([appointment({})], [delegation({ createdByPersonId: 'a' })], { personId: 'a', capacity: 'definitif', onBehalfOfPersonId: null }, at);
    expect(authority.term).toMatchObject({ kind: 'delegation', personId: 'x', capacity: 'delegate', basis: 'Dinas luar', delegator: { personId: 'a' } });
    expect(moveActor('delegation', authority)).toBe('a');
  });

  it('does not name an old term of someone whose current term still runs', () => {
    const earlier = appointment({ id: 'e', personId: 'h', capacity: 'plh', startsAt: d('2025-01-01'), endsAt: d('2025-02-01') });
    const current = appointment({ id: 'c', personId: 'h', capacity: 'plh', startsAt: d('2026-05-01'), endsAt: d('2026-07-01') });
    expect(moveAuthority([earlier, current], [], { personId: 'h', capacity: 'plh', onBehalfOfPersonId: null }, at).ended).toBeNull();
    expect(moveAuthority([], [], { personId: null, capacity: null, onBehalfOfPersonId: null }, at)).toEqual({ term: null, ended: null });
  });
});

describe('authorityForTask', () => {
  it('keeps the ended term only for the task whose holder (or delegator) it was', () => {
    const ended = { kind: 'appointment' as const, id: 'e', personId: 'a', capacity: 'definitif' as const, basis: null, startsAt: '', endsAt: '', recordedBy: null, endedAt: '', endedBy: null, endReason: null };
    const authority = { term: null, ended };
    expect(authorityForTask(authority, { personId: 'a', capacity: 'definitif', onBehalfOfPersonId: null }).ended).toBe(ended);
    expect(authorityForTask(authority, { personId: 'x', capacity: 'delegate', onBehalfOfPersonId: 'a' }).ended).toBe(ended);
    expect(authorityForTask(authority, { personId: 'z', capacity: 'plt', onBehalfOfPersonId: null }).ended).toBeNull();
  });
});
