import { timelineItem, TimelineRow } from './proposal-timeline';

const row = (overrides: Partial<TimelineRow>): TimelineRow => ({
  seq: 1,
  type: 'proposal.submitted',
  occurredAt: new Date('2026-03-02T08:15:00.000Z'),
  actorName: null,
  actorPositionTitle: null,
  capacity: null,
  taskStageName: null,
  data: {},
  ...overrides,
});

describe('timelineItem', () => {
  it.each([
    ['approve', 'Disetujui'],
    ['reject', 'Ditolak'],
    ['return', 'Dikembalikan untuk Perbaikan'],
  ])('labels a %s decision "%s" and keeps its comment, stage and round', (decision, label) => {
    const item = timelineItem(
      row({
        seq: 4,
        type: 'task.decided',
        actorName: 'Agus Setiawan',
        actorPositionTitle: 'Kepala Bidang Pelayanan Perizinan',
        capacity: 'definitif',
        taskStageName: 'Kepala Bidang',
        data: { decision, comment: 'Mohon dilengkapi.', round: 2, stageIndex: 1 },
      }),
    );
    expect(item).toEqual({
      seq: 4,
      type: 'task.decided',
      label,
      occurredAt: new Date('2026-03-02T08:15:00.000Z'),
      actorName: 'Agus Setiawan',
      actorPositionTitle: 'Kepala Bidang Pelayanan Perizinan',
      capacity: 'definitif',
      stageName: 'Kepala Bidang',
      round: 2,
      comment: 'Mohon dilengkapi.',
    });
  });

  it.each([
    ['proposal.submitted', 'Diajukan'],
    ['task.created', 'Tugas dibuat'],
    ['proposal.returned', 'Dikembalikan untuk Perbaikan'],
    ['proposal.resubmitted', 'Diajukan ulang'],
    ['task.escalated', 'Eskalasi'],
    ['task.reminded', 'Pengingat'],
    ['task.overdue', 'Jatuh Tempo'],
    ['proposal.withdrawn', 'Ditarik'],
    ['proposal.cancelled', 'Dibatalkan'],
  ])('labels %s "%s"', (type, label) => {
    expect(timelineItem(row({ type })).label).toBe(label);
  });

  it('shows an unknown event type as recorded rather than hiding it', () => {
    expect(timelineItem(row({ type: 'task.something-new' })).label).toBe('task.something-new');
  });

  it('takes the stage name from the event when it has one, and a withdrawal reason and resubmission note when present', () => {
    expect(timelineItem(row({ type: 'stage.opened', taskStageName: null, data: { stage: 'Kepala Dinas', round: 1 } }))).toMatchObject({ stageName: 'Kepala Dinas', round: 1 });
    const withdrawn = timelineItem(row({ type: 'proposal.withdrawn', data: { reason: 'Sudah ada program serupa.', round: 1 } }));
    expect(withdrawn).toMatchObject({ label: 'Ditarik', reason: 'Sudah ada program serupa.' });
    expect(withdrawn).not.toHaveProperty('comment');
    expect(timelineItem(row({ type: 'proposal.resubmitted', data: { note: 'Sudah diperbaiki.', round: 2 } }))).toMatchObject({ comment: 'Sudah diperbaiki.', round: 2 });
  });

  it('leaves out empty comments and reasons and a non-numeric round', () => {
    const item = timelineItem(row({ type: 'task.decided', data: { decision: 'approve', comment: null, reason: '  ', round: 'x' } }));
    expect(item).not.toHaveProperty('comment');
    expect(item).not.toHaveProperty('reason');
    expect(item.round).toBeNull();
  });
});

describe('timelineItem of a reassignment', () => {
  const row = (data: Record<string, unknown>): TimelineRow => ({
    seq: 9, type: 'task.reassigned', occurredAt: new Date('2026-11-20T03:00:00Z'), actorName: null, actorPositionTitle: 'Kepala Dinas', capacity: null, taskStageName: 'Kepala Dinas', data,
  });

  it('names the reason and both people with their capacities', () => {
    const item = timelineItem(row({ reason: 'Penunjukan Plt.', from: { name: 'Hendra', capacity: 'definitif' }, to: { name: 'Sri', capacity: 'plt' } }));
    expect(item).toMatchObject({ label: 'Dialihkan', reason: 'Penunjukan Plt.: Hendra → Sri (Plt.)' });
  });

  it('names a delegate with the person they act for, and a vacant post as such', () => {
    expect(timelineItem(row({ reason: 'Pelimpahan', from: { name: 'Budi', capacity: 'definitif' }, to: { name: 'Andi', capacity: 'delegate', onBehalfOf: { name: 'Budi' } } })).reason)
      .toBe('Pelimpahan: Budi → Andi (Pelimpahan dari Budi)');
    expect(timelineItem(row({ reason: 'Jabatan kosong', from: { name: 'Budi', capacity: 'definitif' }, to: { name: null, capacity: null } })).reason)
      .toBe('Jabatan kosong: Budi → jabatan kosong');
  });

  it('adds the decree of the appointment that caused the move and the administrator who recorded it', () => {
    const term = { kind: 'appointment', basis: 'SK 800/12/2026', recordedBy: { personId: 'y', name: 'Yoga Permana' } };
    const item = timelineItem(row({ reason: 'Penunjukan Plh.', reasonCode: 'plh', from: { name: 'Hendra', capacity: 'definitif' }, to: { name: 'Sri', capacity: 'plh' }, authority: { term, ended: null } }));
    expect(item.reason).toBe('Penunjukan Plh.: Hendra → Sri (Plh.) — SK 800/12/2026, dicatat oleh Yoga Permana');
  });

  it('for a move caused by an ending names the term that ended: who ended it and why, or that it ran out by its date', () => {
    const ended = { kind: 'appointment', basis: 'SK 800/12/2026', recordedBy: { name: 'Yoga Permana' }, endedBy: { name: 'Ratna Sari' }, endReason: 'Kembali bertugas' };
    const data = { reason: 'Masa Plh. berakhir', reasonCode: 'plh-ended', from: { name: 'Sri', capacity: 'plh' }, to: { name: 'Hendra', capacity: 'definitif' } };
    expect(timelineItem(row({ ...data, authority: { term: null, ended } })).reason)
      .toBe('Masa Plh. berakhir: Sri (Plh.) → Hendra — SK 800/12/2026, diakhiri oleh Ratna Sari (Kembali bertugas)');
    expect(timelineItem(row({ ...data, authority: { term: null, ended: { ...ended, endedBy: null } } })).reason)
      .toBe('Masa Plh. berakhir: Sri (Plh.) → Hendra — SK 800/12/2026, berakhir sesuai tanggal, dicatat oleh Yoga Permana');
  });

  it('gives a delegation\'s reason as its basis', () => {
    const term = { kind: 'delegation', basis: 'Dinas luar kota', recordedBy: { name: 'Budi' } };
    expect(timelineItem(row({ reason: 'Pelimpahan', reasonCode: 'delegation', from: { name: 'Budi', capacity: 'definitif' }, to: { name: 'Andi', capacity: 'delegate', onBehalfOf: { name: 'Budi' } }, authority: { term, ended: null } })).reason)
      .toBe('Pelimpahan: Budi → Andi (Pelimpahan dari Budi) — alasan: Dinas luar kota, dicatat oleh Budi');
  });
});

describe('timelineItem of a task routed around the proposer', () => {
  it('says the proposer holds the post the chain named and that the task went to the superior post', () => {
    const created: TimelineRow = {
      seq: 3, type: 'task.created', occurredAt: new Date('2026-11-20T03:00:00Z'), actorName: 'Agus Setiawan', actorPositionTitle: 'Kepala Bidang', capacity: 'definitif', taskStageName: 'Kepala Unit', data: {},
    };
    const routedAround = { positionId: 'p', positionTitle: 'Kepala Seksi Perizinan Usaha', reason: 'proposer-holds-post' };
    expect(timelineItem({ ...created, data: { routedAround } }).reason).toBe('Pengusul memegang jabatan Kepala Seksi Perizinan Usaha: tugas dialihkan ke jabatan atasan');
    expect(timelineItem(created)).not.toHaveProperty('reason');
  });
});
