import { describe, expect, it } from '@jest/globals';
import en from '@apps/web/src/locales/en/admin.json';
import id from '@apps/web/src/locales/id/admin.json';
import { chainMessage, MESSAGE_KEYS, placeOf, problemsOfRefusal } from './chain-messages';

describe('the API\'s chain messages in the reader\'s language', () => {
  it('turns each known sentence into a message key with the numbers and names it carries', () => {
    expect(chainMessage('must be at most 366 days (P366D)')).toEqual({ key: 'durationMax', values: { days: 366 } });
    expect(chainMessage('quorum:3 needs 3 approvals, but the approvers resolve to at most 1 post')).toEqual({ key: 'quorumTooHigh', values: { k: '3', count: 1 } });
    expect(chainMessage('must be unique: stages[0] has the key satu too')).toEqual({ key: 'keyTaken', values: { n: 1, key: 'satu' } });
    expect(chainMessage('unknown post "KADIS-X"')).toEqual({ key: 'unknownPost', values: { post: 'KADIS-X' } });
    expect(chainMessage('must be an ISO-8601 duration such as P3D or PT12H (weeks, days, hours, minutes or seconds)').key).toBe('duration');
    expect(chainMessage('name must not be blank').key).toBe('required');
    expect(chainMessage('name must be shorter than or equal to 200 characters')).toEqual({ key: 'tooLong', values: { max: 200 } });
    expect(chainMessage('code must be a lower-case slug such as inovasi-pelayanan-publik').key).toBe('templateCode');
    expect(chainMessage('takeOverCategories must be true or false').key).toBe('boolean');
    expect(chainMessage('property warna should not exist')).toEqual({ key: 'unknownProperty', values: { name: 'warna' } });
    expect(chainMessage('category "digital" is claimed by the template "umum" (Rantai Umum, version 3)')).toEqual({
      key: 'categoryClaimed',
      values: { categories: '"digital"', code: 'umum', name: 'Rantai Umum', version: 3 },
    });
  });

  it('keeps a sentence it does not know for the English text only', () => {
    expect(chainMessage('something new')).toEqual({ key: 'unknown', values: { message: 'something new' } });
  });

  it('reads every message of a refusal', () => {
    expect(problemsOfRefusal([{ field: 'stages[1].sla', messages: ['must be longer than zero', 'x'] }])).toEqual([
      { path: 'stages[1].sla', key: 'durationZero', values: {} },
      { path: 'stages[1].sla', key: 'unknown', values: { message: 'x' } },
    ]);
  });

  it('puts each field path next to its input', () => {
    expect(placeOf('name')).toEqual({ at: 'top', field: 'name' });
    expect(placeOf('categories[2]')).toEqual({ at: 'top', field: 'categories' });
    expect(placeOf('takeOverCategories')).toEqual({ at: 'top', field: 'categories' });
    expect(placeOf('stages')).toEqual({ at: 'top', field: 'stages' });
    expect(placeOf('')).toEqual({ at: 'top', field: 'other' });
    expect(placeOf('stages[1].sla')).toEqual({ at: 'stage', index: 1, field: 'sla' });
    expect(placeOf('stages[0].approvers')).toEqual({ at: 'stage', index: 0, field: 'approvers' });
    expect(placeOf('stages[0].approvers[2].positionId')).toEqual({ at: 'stage', index: 0, field: 'approvers', approver: 2 });
    expect(placeOf('stages[3].onTimeout.after')).toEqual({ at: 'stage', index: 3, field: 'timeout' });
    expect(placeOf('stages[3].reminders[0]')).toEqual({ at: 'stage', index: 3, field: 'other' });
    expect(placeOf('stages[3]')).toEqual({ at: 'stage', index: 3, field: 'other' });
  });

  it('has every message in both languages', () => {
    for (const locale of [id, en]) {
      const messages = (locale.editor as unknown as { error: Record<string, string> }).error;
      expect(MESSAGE_KEYS.filter((key) => typeof (messages[key] ?? messages[`${key}_other`]) !== 'string')).toEqual([]);
    }
  });
});
