import { describe, expect, it } from '@jest/globals';
import id from '../locales/id/common.json';
import proposalsId from '../locales/id/proposals.json';
import tasksId from '../locales/id/tasks.json';
import en from '../locales/en/common.json';
import { ApiError, errorText, retryable, statusMessageKey } from './errors';

/** The keys the real locale files hold, as i18next's `exists` would answer for Bahasa Indonesia. */
const files: Record<string, unknown> = { common: id, proposals: proposalsId, tasks: tasksId };
const exists = (key: string, ns: string) => key.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), files[ns]) !== undefined;
const err = (status: number, code: string, extra: { details?: unknown; method?: string } = {}) =>
  new ApiError(status, code, 'uuid v 4 is expected', extra.details ?? null, null, extra.method ?? 'GET');

describe('error messages: what the reader is told', () => {
  it('names each status class in words of its own when the code is not known', () => {
    expect(statusMessageKey(0)).toBe('errors.NETWORK');
    expect(statusMessageKey(400)).toBe('errors.byStatus.invalid');
    expect(statusMessageKey(422)).toBe('errors.byStatus.invalid');
    expect(statusMessageKey(401)).toBe('errors.UNAUTHORIZED');
    expect(statusMessageKey(403)).toBe('errors.byStatus.forbidden');
    expect(statusMessageKey(404)).toBe('errors.byStatus.notFound');
    expect(statusMessageKey(409)).toBe('errors.byStatus.conflict');
    expect(statusMessageKey(429)).toBe('errors.byStatus.tooManyRequests');
    expect(statusMessageKey(500)).toBe('errors.byStatus.server');
    expect(statusMessageKey(502)).toBe('errors.byStatus.server');
    expect(statusMessageKey(418)).toBe('errors.UNKNOWN');
  });

  it('every message it can pick exists in both languages', () => {
    for (const status of [0, 400, 401, 403, 404, 409, 418, 422, 429, 500]) {
      const key = statusMessageKey(status).split('.');
      for (const file of [id, en]) expect(key.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], file)).toEqual(expect.any(String));
    }
  });

  it('never passes on the API’s own sentence: an unknown code gets its status class', () => {
    expect(errorText(err(409, 'SOMETHING_NEW', { method: 'POST' }), 'tasks', exists)).toEqual({ key: 'errors.byStatus.conflict', ns: 'common', values: {} });
    expect(errorText(err(503, 'WHATEVER'), undefined, exists).key).toBe('errors.byStatus.server');
    expect(errorText(new Error('boom'), undefined, exists).key).toBe('errors.UNKNOWN');
  });

  it('prefers the area’s refusal, with the person its details name, then an app-wide code', () => {
    expect(errorText(err(409, 'ALREADY_DECIDED', { method: 'POST', details: { decidedBy: 'Rina' } }), 'tasks', exists)).toEqual({
      key: 'refusals.ALREADY_DECIDED_decidedBy',
      ns: 'tasks',
      values: { name: 'Rina' },
    });
    expect(errorText(err(409, 'ALREADY_DECIDED', { method: 'POST' }), 'tasks', exists).key).toBe('refusals.ALREADY_DECIDED');
    expect(errorText(err(422, 'VALIDATION_FAILED', { method: 'POST' }), 'tasks', exists)).toEqual({ key: 'errors.VALIDATION_FAILED', ns: 'common', values: {} });
    expect(errorText(err(0, 'NETWORK'), 'tasks', exists).key).toBe('errors.NETWORK');
  });

  it('reads a page address that names nothing possible (GET refused as invalid) as not found', () => {
    expect(errorText(err(422, 'VALIDATION_FAILED', { details: [{ field: 'id', messages: ['id must be a UUID'] }] }), undefined, exists).key).toBe('errors.byStatus.notFound');
    // In an area that has its own words for it ("Usulan tidak ditemukan.").
    expect(errorText(err(422, 'VALIDATION_FAILED'), 'proposals', exists)).toEqual({ key: 'refusals.NOT_FOUND', ns: 'proposals', values: { name: '' } });
    expect(errorText(err(400, 'BAD_REQUEST'), 'tasks', exists).key).toBe('errors.byStatus.notFound');
    // The same refusal of a form sent (POST) is about its fields.
    expect(errorText(err(422, 'VALIDATION_FAILED', { method: 'POST' }), 'proposals', exists).key).toBe('errors.VALIDATION_FAILED');
  });

  it('offers to try again only where it may help: offline, busy or server trouble', () => {
    for (const status of [0, 408, 429, 500, 503]) expect(retryable(err(status, 'X'))).toBe(true);
    for (const status of [400, 401, 403, 404, 409, 422]) expect(retryable(err(status, 'X'))).toBe(false);
    expect(retryable(new Error('boom'))).toBe(true);
  });
});
