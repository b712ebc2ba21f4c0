import { buildCustody, compareCustody, CustodyNames, CustodyTaskRow, viaOf } from './custody';

const at = (s: string) => new Date(`2026-03-0${s}Z`);

const task = (overrides: Partial<CustodyTaskRow> & Pick<CustodyTaskRow, 'id'>): CustodyTaskRow => ({
  proposalId: 'p-1',
  stageIndex: 0,
  stageName: 'Kepala Seksi',
  round: 1,
  slot: 0,
  positionId: 'pos-kasi',
  assigneePersonId: 'siti',
  capacity: 'definitif',
  onBehalfOfPersonId: null,
  reassignedFromTaskId: null,
  escalatedFromTaskId: null,
  escalationLevel: 0,
  status: 'open',
  decision: null,
  createdAt: at('2T08:00:00'),
  decidedAt: null,
  ...overrides,
});

const names: CustodyNames = {
  positions: new Map([
    ['pos-kasi', 'Kepala Seksi Perizinan Usaha'],
    ['pos-kabid', 'Kepala Bidang Pelayanan Perizinan'],
    ['pos-kadis', 'Kepala Dinas Penanaman Modal dan PTSP'],
  ]),
  people: new Map([
    ['siti', 'Siti Rahmawati'],
    ['agus', 'Agus Setiawan'],
    ['indah', 'Indah Permatasari'],
    ['hendra', 'Hendra Gunawan'],
  ]),
};

describe('viaOf', () => {
  it('says how a task came to its holder', () => {
    expect(viaOf({ reassignedFromTaskId: null, escalatedFromTaskId: null })).toBe('assigned');
    expect(viaOf({ reassignedFromTaskId: 't-1', escalatedFromTaskId: null })).toBe('reassigned');
    expect(viaOf({ reassignedFromTaskId: null, escalatedFromTaskId: 't-1' })).toBe('escalated');
    // A reassigned copy of an escalation task keeps the escalation link; it came to its holder by reassignment.
    expect(viaOf({ reassignedFromTaskId: 't-2', escalatedFromTaskId: 't-1' })).toBe('reassigned');
  });
});

describe('buildCustody', () => {
  it('lists every hand in creation order: assigned, approved, reassigned to a Plt., a vacant post, escalated', () => {
    const rows = [
      // Given out of order: the builder sorts.
      task({
        id: 't-4', stageIndex: 1, stageName: 'Kepala Bidang', positionId: 'pos-kabid', assigneePersonId: null, capacity: null,
        reassignedFromTaskId: 't-3', status: 'escalated', createdAt: at('4T08:00:00'), decidedAt: at('5T08:00:00'),
      }),
      task({ id: 't-1', status: 'approved', decision: 'approve', decidedAt: at('2T09:00:00') }),
      task({
        id: 't-5', stageIndex: 1, stageName: 'Kepala Bidang', positionId: 'pos-kadis', assigneePersonId: 'hendra',
        escalatedFromTaskId: 't-4', escalationLevel: 1, createdAt: at('5T08:00:00'),
      }),
      task({
        id: 't-3', stageIndex: 1, stageName: 'Kepala Bidang', positionId: 'pos-kabid', assigneePersonId: 'indah', capacity: 'plt',
        reassignedFromTaskId: 't-2', status: 'reassigned', createdAt: at('3T10:00:00'), decidedAt: at('4T08:00:00'),
      }),
      task({
        id: 't-2', stageIndex: 1, stageName: 'Kepala Bidang', positionId: 'pos-kabid', assigneePersonId: 'agus',
        status: 'reassigned', createdAt: at('2T09:00:00'), decidedAt: at('3T10:00:00'),
      }),
    ];
    const custody = buildCustody(rows, names);
    expect(custody.map((c) => c.taskId)).toEqual(['t-1', 't-2', 't-3', 't-4', 't-5']);
    expect(custody[0]).toEqual({
      taskId: 't-1',
      stageIndex: 0,
      stageName: 'Kepala Seksi',
      round: 1,
      slot: 0,
      positionId: 'pos-kasi',
      positionTitle: 'Kepala Seksi Perizinan Usaha',
      personId: 'siti',
      personName: 'Siti Rahmawati',
      capacity: 'definitif',
      onBehalfOf: null,
      from: at('2T08:00:00'),
      to: at('2T09:00:00'),
      status: 'approved',
      decision: 'approve',
      via: 'assigned',
      previousTaskId: null,
      escalationLevel: 0,
    });
    expect(custody.map((c) => [c.personName, c.capacity, c.via, c.status, c.previousTaskId])).toEqual([
      ['Siti Rahmawati', 'definitif', 'assigned', 'approved', null],
      ['Agus Setiawan', 'definitif', 'assigned', 'reassigned', null],
      ['Indah Permatasari', 'plt', 'reassigned', 'reassigned', 't-2'],
      [null, null, 'reassigned', 'escalated', 't-3'],
      ['Hendra Gunawan', 'definitif', 'escalated', 'open', 't-4'],
    ]);
    // The vacant post: nobody, and the post still named.
    expect(custody[3]).toMatchObject({ personId: null, personName: null, positionTitle: 'Kepala Bidang Pelayanan Perizinan' });
    // Still open: held since it was created, not ended.
    expect(custody[4]).toMatchObject({ from: at('5T08:00:00'), to: null, escalationLevel: 1, positionTitle: 'Kepala Dinas Penanaman Modal dan PTSP' });
  });

  it('names the delegator of a task held by a delegate', () => {
    const [entry] = buildCustody([task({ id: 't-1', assigneePersonId: 'indah', capacity: 'delegate', onBehalfOfPersonId: 'siti' })], names);
    expect(entry).toMatchObject({ personName: 'Indah Permatasari', capacity: 'delegate', onBehalfOf: { personId: 'siti', name: 'Siti Rahmawati' } });
  });

  it('keeps unknown names null rather than failing', () => {
    const [entry] = buildCustody([task({ id: 't-1', positionId: 'pos-gone', assigneePersonId: 'gone', onBehalfOfPersonId: 'also-gone', capacity: 'delegate' })], names);
    expect(entry).toMatchObject({ positionTitle: null, personId: 'gone', personName: null, onBehalfOf: { personId: 'also-gone', name: null } });
  });

  it('orders tasks created at the same moment by round, stage and slot', () => {
    const same = at('2T08:00:00');
    const rows = [
      task({ id: 'c', slot: 2, createdAt: same }),
      task({ id: 'a', slot: 0, createdAt: same }),
      task({ id: 'b', slot: 1, createdAt: same }),
      task({ id: 'z', round: 2, slot: 0, createdAt: same }),
      task({ id: 'early', slot: 5, createdAt: at('1T08:00:00') }),
    ];
    expect(buildCustody(rows, names).map((c) => c.taskId)).toEqual(['early', 'a', 'b', 'c', 'z']);
    expect([...rows].sort(compareCustody).map((r) => r.id)).toEqual(['early', 'a', 'b', 'c', 'z']);
  });

  it('leaves the rows it was given as they were, and gives [] for no tasks', () => {
    const rows = [task({ id: 'b', createdAt: at('3T08:00:00') }), task({ id: 'a' })];
    buildCustody(rows, names);
    expect(rows.map((r) => r.id)).toEqual(['b', 'a']);
    expect(buildCustody([], names)).toEqual([]);
  });

  it('ends an open task nowhere even if a decision time is set, and a closed one when it closed', () => {
    const [open] = buildCustody([task({ id: 't-1', decidedAt: at('3T08:00:00') })], names);
    expect(open.to).toBeNull();
    const [cancelled] = buildCustody([task({ id: 't-1', status: 'cancelled', decidedAt: at('3T08:00:00') })], names);
    expect(cancelled).toMatchObject({ to: at('3T08:00:00'), status: 'cancelled', decision: null });
  });
});
