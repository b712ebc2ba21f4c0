import type { AppointmentEntity, PersonEntity, PositionEntity } from '@libs/persistence/entities';
import { checkStandIn, endedByDefinitive } from './appointment-terms';

const day = (d: number) => new Date(Date.UTC(2026, 2, d));
const person = { id: 'budi', name: 'Budi' } as PersonEntity;
const position = { id: 'kasi', title: 'Kepala Seksi' } as PositionEntity;
const term = (over: Partial<AppointmentEntity>): AppointmentEntity =>
  ({ id: 'a', positionId: 'kasi', personId: 'siti', capacity: 'definitif', startsAt: day(1), endsAt: null, ...over }) as AppointmentEntity;

describe('endedByDefinitive', () => {
  it('ends the holder and the stand-in of the post, and the new holder’s definitive post elsewhere (mutasi)', () => {
    const holder = term({ id: 'h' });
    const plh = term({ id: 'p', capacity: 'plh', personId: 'ani', endsAt: day(20) });
    const elsewhere = term({ id: 'e', positionId: 'kabid', personId: 'budi' });
    const ending = endedByDefinitive([holder, plh], [elsewhere], person, position, { startsAt: day(10), endsAt: null }, 'SK 1');
    expect(ending.map((e) => [e.row.id, e.reason])).toEqual([
      ['h', 'Digantikan oleh Budi (SK 1)'],
      ['p', 'Pejabat definitif dilantik: Budi (SK 1)'],
      ['e', 'Mutasi ke Kepala Seksi (SK 1)'],
    ]);
  });

  it('refuses when an appointment of the post starts on or after the new one', () => {
    expect(() => endedByDefinitive([term({ startsAt: day(12) })], [], person, position, { startsAt: day(10), endsAt: null }, undefined)).toThrow(
      expect.objectContaining({ code: 'APPOINTMENT_CONFLICT' }),
    );
  });

  it('refuses to appoint the holder again', () => {
    expect(() => endedByDefinitive([term({ personId: 'budi' })], [], person, position, { startsAt: day(10), endsAt: null }, undefined)).toThrow(
      expect.objectContaining({ code: 'ALREADY_HOLDER' }),
    );
  });
});

describe('checkStandIn', () => {
  const at = { startsAt: day(10), endsAt: day(15) };

  it('takes a Plt. only for a vacant post and a Plh. only for a held one', () => {
    expect(() => checkStandIn([term({})], person, 'plt', at)).toThrow(expect.objectContaining({ code: 'POST_NOT_VACANT' }));
    expect(() => checkStandIn([], person, 'plh', at)).toThrow(expect.objectContaining({ code: 'POST_VACANT' }));
    expect(() => checkStandIn([], person, 'plt', at)).not.toThrow();
    expect(() => checkStandIn([term({})], person, 'plh', at)).not.toThrow();
  });

  it('refuses someone who already acts for the post, and an overlapping term of the same kind', () => {
    expect(() => checkStandIn([term({ personId: 'budi' })], person, 'plh', at)).toThrow(expect.objectContaining({ code: 'ALREADY_ACTING' }));
    const other = term({ id: 'o', capacity: 'plh', personId: 'ani', startsAt: day(12), endsAt: day(20) });
    expect(() => checkStandIn([term({}), other], person, 'plh', at)).toThrow(expect.objectContaining({ code: 'APPOINTMENT_CONFLICT', details: { appointmentId: 'o' } }));
  });
});
