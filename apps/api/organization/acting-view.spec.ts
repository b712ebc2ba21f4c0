import { actingOf } from './acting-view';

const now = new Date('2026-03-01T08:00:00Z');
const appointment = (personId: string, personName: string, capacity: string, startsAt: string, endsAt: string | null = null) => ({
  id: `a-${personId}`,
  personId,
  personName,
  personNip: '199001012015011001',
  capacity,
  startsAt: new Date(startsAt),
  endsAt: endsAt === null ? null : new Date(endsAt),
});

describe('actingOf', () => {
  it('names the Plh. standing in for an absent holder, with their name', () => {
    const active = [appointment('p2', 'Rina', 'plh', '2026-02-20T00:00:00Z', '2026-03-10T00:00:00Z'), appointment('p1', 'Yusuf', 'definitif', '2024-01-01T00:00:00Z')];
    expect(actingOf(active, now)).toEqual({ personId: 'p2', personName: 'Rina', capacity: 'plh' });
  });

  it('names the definitive holder, else the Plt. of a vacant post', () => {
    expect(actingOf([appointment('p1', 'Yusuf', 'definitif', '2024-01-01T00:00:00Z')], now)).toEqual({ personId: 'p1', personName: 'Yusuf', capacity: 'definitif' });
    expect(actingOf([appointment('p3', 'Maya', 'plt', '2026-01-01T00:00:00Z')], now)).toEqual({ personId: 'p3', personName: 'Maya', capacity: 'plt' });
  });

  it('is null when nobody acts for the post', () => {
    expect(actingOf([], now)).toBeNull();
    expect(actingOf([appointment('p1', 'Yusuf', 'definitif', '2024-01-01T00:00:00Z', '2026-02-01T00:00:00Z')], now)).toBeNull();
  });
});
