import { timelineItem, TimelineRow } from './proposal-timeline';

const TASK = '0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e';
const NEXT_TASK = '1d2e3f4a-5b6c-4d7e-8f90-a1b2c3d4e5f6';
const POST = 'c1a2b3c4-d5e6-4f70-8192-a3b4c5d6e7f8';
const PERSON = '7a1b2c3d-4e5f-4061-8273-94a5b6c7d8e9';
const FACTS = { budgetEstimate: 75000000, category: 'pelayanan-publik', crossAgency: false };

/** The data of each event type as the workflow writes it, for the tests to change a field or two of. */
const DATA: Record<string, Record<string, unknown>> = {
  'proposal.submitted': { template: { id: '8e79f2a2-f46b-4b8d-8b82-74917f1250fc', code: 'inovasi-pelayanan-publik', version: 1 }, proposalVersion: 1, facts: FACTS, snapshot: null },
  'proposal.resubmitted': { round: 2, stageIndex: 1, proposalVersion: 2, facts: FACTS, note: null, snapshot: null },
  'proposal.returned': { stageIndex: 1, round: 1, cause: 'decision' },
  'proposal.withdrawn': { reason: 'Tidak jadi.' },
  'proposal.cancelled': { reason: 'Dibatalkan admin.' },
  'stage.opened': { stageIndex: 2, stage: 'Kepala Dinas', mode: 'any', round: 1 },
  'stage.blocked': { stageIndex: 2, stage: 'Kepala Dinas', round: 1, reason: 'Jabatan tidak dapat ditentukan' },
  'task.created': { taskId: TASK, stageIndex: 0, round: 1, slot: 0, dueAt: null, assignee: 'Agus Setiawan', escalationLevel: 0, escalatedFromTaskId: null },
  'task.decided': { taskId: TASK, stageIndex: 1, round: 1, slot: 0, decision: 'approve', comment: null, onEscalation: false, proposalVersion: 1 },
  'task.escalated': { taskId: TASK, toTaskId: NEXT_TASK, toPositionId: POST, toPersonId: null, toName: null, policy: 'escalate-superior', escalationLevel: 1 },
  'task.reminded': { taskId: TASK, reminder: 1, dueAt: '2026-03-04T08:15:00.000Z' },
  'task.overdue': { taskId: TASK, dueAt: '2026-03-04T08:15:00.000Z' },
  'task.reassigned': {
    taskId: TASK, toTaskId: NEXT_TASK, stageIndex: 2, round: 1, slot: 0, positionId: POST, reasonCode: 'plt', reason: 'Penunjukan Plt.',
    from: { personId: PERSON, name: 'Hendra', capacity: 'definitif', onBehalfOf: null }, to: { personId: null, name: null, capacity: null, onBehalfOf: null },
  },
};
const data = (type: string, fields: Record<string, unknown> = {}): Record<string, unknown> => ({ ...DATA[type], ...fields });

const row = (overrides: Partial<TimelineRow>): TimelineRow => ({
  seq: 1,
  type: 'proposal.submitted',
  occurredAt: new Date('2026-03-02T08:15:00.000Z'),
  actorName: null,
  actorPositionTitle: null,
  capacity: null,
  taskStageName: null,
  data: data(overrides.type ?? 'proposal.submitted'),
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
        data: data('task.decided', { decision, comment: 'Mohon dilengkapi.', round: 2 }),
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
    expect(timelineItem(row({ type: 'stage.opened', taskStageName: null, data: data('stage.opened', { stage: 'Kepala Dinas', round: 1 }) }))).toMatchObject({ stageName: 'Kepala Dinas', round: 1 });
    const withdrawn = timelineItem(row({ type: 'proposal.withdrawn', data: { reason: 'Sudah ada program serupa.', round: 1 } }));
    expect(withdrawn).toMatchObject({ label: 'Ditarik', reason: 'Sudah ada program serupa.' });
    expect(withdrawn).not.toHaveProperty('comment');
    expect(timelineItem(row({ type: 'proposal.resubmitted', data: data('proposal.resubmitted', { note: 'Sudah diperbaiki.', round: 2 }) }))).toMatchObject({ comment: 'Sudah diperbaiki.', round: 2 });
  });

  it('leaves out empty comments and reasons and a non-numeric round', () => {
    const item = timelineItem(row({ type: 'task.decided', data: { decision: 'approve', comment: null, reason: '  ', round: 'x' } }));
    expect(item).not.toHaveProperty('comment');
    expect(item).not.toHaveProperty('reason');
    expect(item.round).toBeNull();
  });

  it('leaves out a blank comment, note or reason of a well-formed row', () => {
    expect(timelineItem(row({ type: 'task.decided', data: data('task.decided', { comment: '  ' }) }))).not.toHaveProperty('comment');
    expect(timelineItem(row({ type: 'proposal.resubmitted', data: data('proposal.resubmitted', { note: '' }) }))).not.toHaveProperty('comment');
    expect(timelineItem(row({ type: 'stage.blocked', data: data('stage.blocked', { reason: ' ' }) }))).not.toHaveProperty('reason');
  });
});

describe('timelineItem of a reassignment', () => {
  const row = (fields: Record<string, unknown>): TimelineRow => ({
    seq: 9, type: 'task.reassigned', occurredAt: new Date('2026-11-20T03:00:00Z'), actorName: null, actorPositionTitle: 'Kepala Dinas', capacity: null, taskStageName: 'Kepala Dinas', data: data('task.reassigned', fields),
  });
  const holder = (name: string | null, capacity: string | null, onBehalfOf?: string) => ({
    personId: name ? PERSON : null, name, capacity, onBehalfOf: onBehalfOf ? { personId: PERSON, name: onBehalfOf } : null,
  });
  const term = (kind: 'appointment' | 'delegation', basis: string, recordedBy: string) => ({
    kind, id: NEXT_TASK, personId: PERSON, capacity: kind === 'delegation' ? 'delegate' : 'plh', basis, startsAt: '2026-11-01T00:00:00.000Z', endsAt: null, recordedBy: { personId: PERSON, name: recordedBy },
  });

  it('names the reason and both people with their capacities', () => {
    const item = timelineItem(row({ reason: 'Penunjukan Plt.', from: holder('Hendra', 'definitif'), to: holder('Sri', 'plt') }));
    expect(item).toMatchObject({ label: 'Dialihkan', reason: 'Penunjukan Plt.: Hendra → Sri (Plt.)' });
  });

  it('names a delegate with the person they act for, and a vacant post as such', () => {
    expect(timelineItem(row({ reason: 'Pelimpahan', from: holder('Budi', 'definitif'), to: holder('Andi', 'delegate', 'Budi') })).reason)
      .toBe('Pelimpahan: Budi → Andi (Pelimpahan dari Budi)');
    expect(timelineItem(row({ reason: 'Jabatan kosong', from: holder('Budi', 'definitif'), to: holder(null, null) })).reason)
      .toBe('Jabatan kosong: Budi → jabatan kosong');
  });

  it('adds the decree of the appointment that caused the move and the administrator who recorded it', () => {
    const item = timelineItem(row({ reason: 'Penunjukan Plh.', reasonCode: 'plh', from: holder('Hendra', 'definitif'), to: holder('Sri', 'plh'), authority: { term: term('appointment', 'SK 800/12/2026', 'Yoga Permana'), ended: null } }));
    expect(item.reason).toBe('Penunjukan Plh.: Hendra → Sri (Plh.) — SK 800/12/2026, dicatat oleh Yoga Permana');
  });

  it('for a move caused by an ending names the term that ended: who ended it and why, or that it ran out by its date', () => {
    const ended = { ...term('appointment', 'SK 800/12/2026', 'Yoga Permana'), endedAt: '2026-11-20T03:00:00.000Z', endedBy: { personId: PERSON, name: 'Ratna Sari' }, endReason: 'Kembali bertugas' };
    const moved = { reason: 'Masa Plh. berakhir', reasonCode: 'plh-ended', from: holder('Sri', 'plh'), to: holder('Hendra', 'definitif') };
    expect(timelineItem(row({ ...moved, authority: { term: null, ended } })).reason)
      .toBe('Masa Plh. berakhir: Sri (Plh.) → Hendra — SK 800/12/2026, diakhiri oleh Ratna Sari (Kembali bertugas)');
    expect(timelineItem(row({ ...moved, authority: { term: null, ended: { ...ended, endedBy: null } } })).reason)
      .toBe('Masa Plh. berakhir: Sri (Plh.) → Hendra — SK 800/12/2026, berakhir sesuai tanggal, dicatat oleh Yoga Permana');
  });

  it('gives a delegation\'s reason as its basis', () => {
    expect(timelineItem(row({ reason: 'Pelimpahan', reasonCode: 'delegation', from: holder('Budi', 'definitif'), to: holder('Andi', 'delegate', 'Budi'), authority: { term: term('delegation', 'Dinas luar kota', 'Budi'), ended: null } })).reason)
      .toBe('Pelimpahan: Budi → Andi (Pelimpahan dari Budi) — alasan: Dinas luar kota, dicatat oleh Budi');
  });

  it('gives the note of a Disposisi as its comment', () => {
    expect(timelineItem(row({ reasonCode: 'disposisi', reason: 'Disposisi', note: 'Kepala Dinas cuti.' })).comment).toBe('Kepala Dinas cuti.');
  });
});

describe('timelineItem of a task routed around the proposer', () => {
  it('says the proposer holds the post the chain named and that the task went to the superior post', () => {
    const created: TimelineRow = {
      seq: 3, type: 'task.created', occurredAt: new Date('2026-11-20T03:00:00Z'), actorName: 'Agus Setiawan', actorPositionTitle: 'Kepala Bidang', capacity: 'definitif', taskStageName: 'Kepala Unit', data: data('task.created'),
    };
    const routedAround = { positionId: POST, positionTitle: 'Kepala Seksi Perizinan Usaha', reason: 'proposer-holds-post' };
    expect(timelineItem({ ...created, data: data('task.created', { routedAround }) }).reason).toBe('Pengusul memegang jabatan Kepala Seksi Perizinan Usaha: tugas dialihkan ke jabatan atasan');
    expect(timelineItem(created)).not.toHaveProperty('reason');
  });
});

describe('timelineItem of a row its schema does not describe', () => {
  it('shows a row whose data does not match its type by the type alone: no comment, reason or round read from it', () => {
    const item = timelineItem(
      row({ seq: 4, type: 'task.decided', actorName: 'Agus Setiawan', capacity: 'definitif', taskStageName: 'Kepala Bidang', data: { decision: 'approve', comment: 'Setuju.', round: 2, stage: 'Lain' } }),
    );
    expect(item).toEqual({
      seq: 4,
      type: 'task.decided',
      label: 'Diputuskan',
      occurredAt: new Date('2026-03-02T08:15:00.000Z'),
      actorName: 'Agus Setiawan',
      actorPositionTitle: null,
      capacity: 'definitif',
      stageName: 'Kepala Bidang',
      round: null,
    });
  });

  it('shows a known type with a field of the wrong kind by its label', () => {
    expect(timelineItem(row({ type: 'proposal.withdrawn', data: { reason: 42 } }))).toMatchObject({ label: 'Ditarik', round: null });
    expect(timelineItem(row({ type: 'proposal.withdrawn', data: { reason: 42 } }))).not.toHaveProperty('reason');
    const reassigned = timelineItem(row({ type: 'task.reassigned', data: data('task.reassigned', { from: 'Hendra' }) }));
    expect(reassigned.label).toBe('Dialihkan');
    expect(reassigned).not.toHaveProperty('reason');
    expect(timelineItem(row({ type: 'stage.opened', data: data('stage.opened', { round: 0 }) }))).toMatchObject({ label: 'Tahapan dibuka', stageName: null, round: null });
  });

  it('shows a type no release writes any more by its label, and an unknown one as recorded, with nothing read from their data', () => {
    expect(timelineItem(row({ type: 'task.delegated', data: { reason: 'Cuti', round: 1 } }))).toMatchObject({ label: 'Pelimpahan', round: null });
    const unknown = timelineItem(row({ type: 'task.something-new', data: { stage: 'Kepala Dinas', note: 'Catatan', reason: 'Alasan' } }));
    expect(unknown).toMatchObject({ label: 'task.something-new', stageName: null });
    expect(unknown).not.toHaveProperty('comment');
    expect(unknown).not.toHaveProperty('reason');
  });
});
