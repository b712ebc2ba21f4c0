// First: the low limits must be in the environment before the app's configuration is loaded.
import { DECISION_LIMIT, SIGN_IN_LIMIT } from './support/low-rate-limits';
import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import type { Response } from 'supertest';
import type { StageDefinition } from '@libs/domain/chain';
import { AppStack, eventually, startAppStack, validProposal } from './support/app-stack';
import { buildOrg, Org } from './support/org-fixture';
import { insertTemplate } from './support/templates';

const UNKNOWN = () => randomUUID();

function expectRateLimited(res: Response, bucket: 'sign-in' | 'decisions', limit: number) {
  expect(res.status).toBe(429);
  expect(res.body).toEqual({
    statusCode: 429,
    error: 'Too Many Requests',
    code: 'RATE_LIMITED',
    message: expect.stringMatching(new RegExp(`^Too many .+: at most ${limit} in 60 seconds\\. Retry after \\d+ seconds\\.$`)),
    details: { bucket, limit, windowSeconds: 60, retryAfterSeconds: expect.any(Number) },
    correlationId: res.headers['x-correlation-id'],
  });
  const retryAfter = Number(res.headers['retry-after']);
  expect(res.headers['retry-after']).toMatch(/^\d+$/);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(res.body.details.retryAfterSeconds).toBe(retryAfter);
  expect(res.headers['x-ratelimit-remaining']).toBe('0');
}

/**
 * Rate limits on sign-in (per client IP) and on decisions (per person, shared by every decision-like
 * endpoint), with the low limits of support/low-rate-limits; every other endpoint is unaffected.
 */
describe('Rate limits', () => {
  let stack: AppStack;
  let org: Org;
  /** Tokens signed by the app itself, so that fixtures do not spend the sign-in budget under test. */
  const bearer = async (key: string, roles: string[]) =>
    `Bearer ${await stack.api.get(JwtService).signAsync({ sub: org.person(key), name: key, roles })}`;

  beforeAll(async () => {
    stack = await startAppStack();
    org = await buildOrg(stack, {
      units: [{ key: 'dinas', name: 'Dinas Perhubungan', kind: 'dinas' }],
      posts: [
        { key: 'kadis', title: 'Kepala Dinas Perhubungan', unit: 'dinas', level: 'jpt-pratama', head: true, holder: 'kadis' },
        { key: 'sek', title: 'Sekretaris Dinas Perhubungan', unit: 'dinas', superior: 'kadis', holder: 'sek' },
        { key: 'staf', title: 'Penguji Kendaraan Bermotor', unit: 'dinas', level: 'fungsional', superior: 'sek', holder: 'proposer' },
      ],
      people: { kadis: 'Ir. Bambang Sutrisno', sek: 'Lestari Handayani', proposer: 'Andi Saputra', admin: 'Admin Dishub' },
      admins: ['admin'],
    });
  }, 60_000);
  afterAll(() => stack?.close());

  it('limits sign-in per client address, with a 429 in the error shape and Retry-After; other routes stay open', async () => {
    const signIn = (ip: string, nip = org.nip('proposer')) => stack.http.post('/api/auth/dev-login').set('X-Forwarded-For', ip).send({ nip });
    const ip = '198.51.100.10';
    for (let i = 1; i <= SIGN_IN_LIMIT; i++) {
      const res = await signIn(ip).expect(200);
      expect(res.body.accessToken).toEqual(expect.any(String));
      expect(res.headers['x-ratelimit-limit']).toBe(String(SIGN_IN_LIMIT));
      expect(res.headers['x-ratelimit-remaining']).toBe(String(SIGN_IN_LIMIT - i));
    }
    const refused = await signIn(ip);
    expectRateLimited(refused, 'sign-in', SIGN_IN_LIMIT);
    expect(refused.body.message).toMatch(/sign-in attempts from this address/);
    // Every attempt counts, a wrong NIP included: guessing is limited too.
    expectRateLimited(await signIn(ip, '199001019999999999'), 'sign-in', SIGN_IN_LIMIT);

    // Another address has its own budget.
    await signIn('198.51.100.11').expect(200);
    // Nothing else is limited for the refused address.
    await stack.http.get('/api/auth/dev-people').set('X-Forwarded-For', ip).expect(200);
    await stack.http.get('/health').set('X-Forwarded-For', ip).expect(200);
    await stack.http.get('/api/auth/me').set('X-Forwarded-For', ip).set('Authorization', await bearer('proposer', ['proposer'])).expect(200);
  });

  it('limits decisions per person across the decision endpoints, from any address; others and reads are unaffected', async () => {
    const stages: StageDefinition[] = [{ key: 'k', name: 'Kepala Dinas', approvers: [{ kind: 'position', positionId: org.post('kadis') }], mode: 'any', sla: 'P5D' }];
    const templateCode = await insertTemplate(stack.dataSource, stages, 'rl');
    const proposer = await bearer('proposer', ['proposer', 'approver']);
    const kadis = await bearer('kadis', ['proposer', 'approver']);
    const admin = await bearer('admin', ['admin']);
    const proposal = await stack.http.post('/api/proposals').set('Authorization', proposer).send(validProposal({ templateCode, title: 'Uji batas keputusan' })).expect(201);
    const task = await eventually(async () => {
      const res = await stack.http.get(`/api/tasks?proposalId=${proposal.body.id}`).set('Authorization', kadis).expect(200);
      return (res.body.items as { id: string }[])[0];
    }, 30_000, 'the task of Kepala Dinas');
    const decide = (auth: string, taskId: string, ip = '203.0.113.5') =>
      stack.http.post(`/api/tasks/${taskId}/decision`).set('Authorization', auth).set('X-Forwarded-For', ip).send({ decision: 'approve' });

    // Within the budget: a real decision, then decisions that fail (unknown tasks) still count.
    const approved = await decide(kadis, task.id).expect(200);
    expect(approved.body.decision).toBe('approve');
    expect(approved.headers['x-ratelimit-remaining']).toBe(String(DECISION_LIMIT - 1));
    for (let i = 2; i <= DECISION_LIMIT; i++) {
      const res = await decide(kadis, UNKNOWN()).expect(404);
      expect(res.headers['x-ratelimit-remaining']).toBe(String(DECISION_LIMIT - i));
    }
    // Over it: refused before the decision is looked at (not 409 for the closed task), from any address.
    expectRateLimited(await decide(kadis, task.id), 'decisions', DECISION_LIMIT);
    expectRateLimited(await decide(kadis, UNKNOWN(), '192.0.2.99'), 'decisions', DECISION_LIMIT);
    // The same person still reads; another person still decides.
    await stack.http.get('/api/tasks?status=done').set('Authorization', kadis).expect(200);
    await decide(await bearer('sek', ['proposer', 'approver']), UNKNOWN()).expect(404);

    // An administrator's cancellations and Disposisi share one budget.
    for (let i = 1; i <= DECISION_LIMIT; i++) {
      await stack.http.post(`/api/admin/proposals/${UNKNOWN()}/cancel`).set('Authorization', admin).send({ reason: 'Uji batas' }).expect(404);
    }
    const reassign = await stack.http
      .post('/api/admin/tasks/reassign')
      .set('Authorization', admin)
      .send({ taskIds: [UNKNOWN()], toPersonId: org.person('sek'), reason: 'Uji batas' });
    expectRateLimited(reassign, 'decisions', DECISION_LIMIT);
    expect(reassign.body.message).toMatch(/decisions and task moves by this person/);
    await stack.http.get('/api/admin/tasks?view=open').set('Authorization', admin).expect(200);
  }, 60_000);

  it('documents the 429 on the limited routes in the OpenAPI document', async () => {
    const doc = (await stack.http.get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    for (const [path, method] of [
      ['/api/auth/dev-login', 'post'],
      ['/api/tasks/{id}/decision', 'post'],
      ['/api/admin/tasks/reassign', 'post'],
      ['/api/admin/proposals/{id}/cancel', 'post'],
    ] as const) {
      expect(doc.paths[path][method].responses).toHaveProperty('429');
    }
    expect(doc.paths['/api/proposals'].post.responses).not.toHaveProperty('429');
  });
});
