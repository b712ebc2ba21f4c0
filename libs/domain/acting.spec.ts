import { actingFor, AppointmentFact } from './acting';

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
