import { searchAttributes, stageOpenedAt, waitingOn } from './search-attributes';
import { approvalState, stageDef, task } from './spec-helpers';

const input = { chain: { stages: [stageDef()] }, unitId: 'u1', unitCode: 'DPM', template: { id: 'tpl', code: 'inovasi', version: 3 } };
const valueOf = (updates: { key: { name: string }; value: unknown }[], name: string) => updates.find((u) => u.key.name === name)?.value;

describe('search attributes', () => {
  it('says what the stage waits on besides a decision', () => {
    expect(waitingOn(approvalState({ tasks: [task({ assigneePersonId: null })] }))).toBe('vacant');
    expect(waitingOn(approvalState({ tasks: [task()] }))).toBeNull();
    expect(waitingOn(approvalState({ blocked: { stageIndex: 0, round: 1, since: 's', reason: 'r' } }))).toBe('blocked');
    expect(waitingOn(approvalState({ status: 'returned', tasks: [task({ assigneePersonId: null })] }))).toBeNull();
  });

  it('dates the stage round by its first clock, or by when it was found blocked', () => {
    const state = approvalState({ tasks: [task({ createdAt: '2026-01-06T00:00:00.000Z' }), task({ taskId: 't2', createdAt: '2026-01-07T00:00:00.000Z', openedAt: '2026-01-05T00:00:00.000Z' })] });
    expect(stageOpenedAt(state)).toBe('2026-01-05T00:00:00.000Z');
    expect(stageOpenedAt(approvalState({ blocked: { stageIndex: 0, round: 1, since: '2026-01-02T00:00:00.000Z', reason: 'r' } }))).toBe('2026-01-02T00:00:00.000Z');
    expect(stageOpenedAt(approvalState())).toBeNull();
  });

  it('keeps the key of runs before operator-attributes exactly as it was', () => {
    const state = approvalState({ tasks: [task({ dueAt: '2026-01-09T00:00:00.000Z', escalationLevel: 1 })] });
    const old = searchAttributes(state, input, false);
    expect(old.key).toBe(JSON.stringify(['in_review', 0, 1, true, '2026-01-09T00:00:00.000Z']));
    expect(old.updates).toHaveLength(6);
    expect(valueOf(old.updates, 'EstafetTemplate')).toBe('inovasi@3');
    expect(valueOf(old.updates, 'EstafetNextDue')).toEqual(new Date('2026-01-09T00:00:00.000Z'));
    const current = searchAttributes(state, input, true);
    expect(current.key).toBe(JSON.stringify(['in_review', 0, 1, true, '2026-01-09T00:00:00.000Z', null, '2026-01-05T00:00:00.000Z']));
    expect(valueOf(current.updates, 'EstafetUnitCode')).toBe('DPM');
    expect(valueOf(current.updates, 'EstafetStageOpenedAt')).toEqual(new Date('2026-01-05T00:00:00.000Z'));
  });
});
