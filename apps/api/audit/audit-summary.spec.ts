import { HttpException, HttpStatus } from '@nestjs/common';
import { DomainError } from '@libs/http/domain-error';
import { Refusal } from '@libs/domain/refusal';
import { failureOf } from './admin-audit.interceptor';
import { REDACTED, requestSummary, summarize, SUMMARY_LIMITS } from './audit-summary';

describe('admin audit summaries', () => {
  it('keeps ordinary fields as sent', () => {
    const body = { code: 'DINKES-YANKES', name: 'Bidang Pelayanan Kesehatan', isUnitHead: true, level: 3, parentCode: null };
    expect(summarize(body)).toEqual(body);
  });

  it('redacts secrets at any depth, whatever the case of the key', () => {
    const out = summarize({
      password: 'hunter2',
      nested: { apiKey: 'k-123', API_KEY: 'k-456', clientSecret: 's', accessToken: 't', Authorization: 'Bearer x', list: [{ passwd: 'p' }] },
      reason: 'Mutasi ke Inspektorat',
    });
    expect(out).toEqual({
      password: REDACTED,
      nested: { apiKey: REDACTED, API_KEY: REDACTED, clientSecret: REDACTED, accessToken: REDACTED, Authorization: REDACTED, list: [{ passwd: REDACTED }] },
      reason: 'Mutasi ke Inspektorat',
    });
    expect(JSON.stringify(out)).not.toMatch(/hunter2|k-123|Bearer x/);
  });

  it('cuts long strings, long arrays, wide objects and deep nesting', () => {
    const long = 'a'.repeat(5000);
    expect(summarize(long)).toBe(`${'a'.repeat(SUMMARY_LIMITS.stringLength)}… (5000 characters)`);
    const items = summarize(Array.from({ length: 50 }, (_, i) => i)) as unknown[];
    expect(items).toHaveLength(SUMMARY_LIMITS.arrayItems + 1);
    expect(items.at(-1)).toBe(`… ${50 - SUMMARY_LIMITS.arrayItems} more`);
    const wide = summarize(Object.fromEntries(Array.from({ length: 45 }, (_, i) => [`k${i}`, i]))) as Record<string, unknown>;
    expect(Object.keys(wide)).toHaveLength(SUMMARY_LIMITS.objectKeys + 1);
    expect(wide['…']).toBe('5 more keys');
    expect(summarize({ a: { b: { c: { d: { e: { f: 1 } } } } } })).toEqual({ a: { b: { c: { d: { e: '(object)' } } } } });
    expect(summarize(Buffer.from('abc'))).toBe('(3 bytes)');
  });

  it('writes NUL and halves of surrogate pairs, which Postgres cannot store, as U+FFFD, also where a cut splits a pair', () => {
    expect(summarize({ 'k\u0000': 'a\u0000b', lone: '\ud800x', emoji: '🚀 ok' })).toEqual({ 'k\uFFFD': 'a\uFFFDb', lone: '\uFFFDx', emoji: '🚀 ok' });
    const cut = summarize(`a${'🚀'.repeat(400)}`) as string;
    expect(cut).toBe(`a${'🚀'.repeat(149)}\uFFFD… (801 characters)`);
    expect(/\p{Cs}/u.test(cut)).toBe(false);
  });

  it('leaves out empty parts of the request and falls back to its shape when it is still too large', () => {
    expect(requestSummary({ params: { id: 'x' }, query: {}, body: undefined })).toEqual({ params: { id: 'x' } });
    const wide = () => Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`field${i}`, 'z'.repeat(1000)]));
    const huge = { body: { units: wide(), people: wide() } };
    const out = requestSummary(huge);
    expect(out).toMatchObject({ truncated: true, keys: ['body'] });
    expect(JSON.stringify(out).length).toBeLessThan(SUMMARY_LIMITS.jsonLength);
  });

  it('records a refusal with the status and code the client is answered with', () => {
    expect(failureOf(new DomainError('POST_NOT_VACANT', 'x', HttpStatus.CONFLICT))).toEqual({ statusCode: 409, errorCode: 'POST_NOT_VACANT' });
    expect(failureOf(new Refusal('APPROVAL_CLOSED', 'x', 'conflict'))).toEqual({ statusCode: 409, errorCode: 'APPROVAL_CLOSED' });
    expect(failureOf(new HttpException('Validation failed (uuid is expected)', HttpStatus.BAD_REQUEST))).toEqual({ statusCode: 400, errorCode: 'BAD_REQUEST' });
    expect(failureOf(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toEqual({ statusCode: 503, errorCode: 'SERVICE_UNAVAILABLE' });
    expect(failureOf(new TypeError('boom'))).toEqual({ statusCode: 500, errorCode: 'INTERNAL_ERROR' });
  });
});
