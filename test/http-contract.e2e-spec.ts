import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import type { Response } from 'supertest';
import { AppConfig } from '@libs/config/app-config.service';
import { AppStack, personByName, personId, startAppStack, validProposal } from './support/app-stack';

/**
 * The HTTP contract of the API, as a client sees it: status codes, the one error shape, validation
 * details, authentication, security headers and correlation ids. Nothing a client sends may
 * produce a 500.
 */
describe('HTTP contract', () => {
  let stack: AppStack;

  beforeAll(async () => {
    stack = await startAppStack();
  });

  afterAll(async () => {
    await stack?.close();
  });

  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

  /** Every error answer has this shape, whatever raised it. */
  function expectErrorShape(res: Response, statusCode: number, code?: string): void {
    expect(res.status).toBe(statusCode);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body).toEqual(
      expect.objectContaining({
        statusCode,
        error: expect.any(String),
        code: code ?? expect.any(String),
        message: expect.any(String),
        correlationId: expect.any(String),
      }),
    );
    expect(res.body.correlationId).not.toBe('');
    // The body's correlation id is the one the response header carries.
    expect(res.body.correlationId).toBe(res.headers['x-correlation-id']);
    // Internals never leak into an error answer.
    expect(JSON.stringify(res.body)).not.toMatch(/\bat .+\.(ts|js):\d+|stack|QueryFailedError/);
  }

  /** The validation details as a map of field path → messages. */
  function detailsByField(res: Response): Map<string, string[]> {
    expect(Array.isArray(res.body.details)).toBe(true);
    const details = res.body.details as { field: string; messages: string[] }[];
    for (const d of details) {
      expect(d).toEqual({ field: expect.any(String), messages: expect.arrayContaining([expect.any(String)]) });
    }
    return new Map(details.map((d) => [d.field, d.messages]));
  }

  /** A JSON text with `depth` nested arrays, built as text so the test itself does not recurse. */
  const nestedArrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

  const postProposalRaw = async (raw: string) =>
    stack.http
      .post('/api/proposals')
      .auth(await stack.tokenFor('Rina Wulandari'), { type: 'bearer' })
      .set('Content-Type', 'application/json')
      .send(raw);

  describe('request bodies', () => {
    it('answers malformed JSON with 400 MALFORMED_JSON and a correlation id', async () => {
      const res = await postProposalRaw('{"title": "Antrean daring", ');
      expectErrorShape(res, 400, 'MALFORMED_JSON');
      expect(res.body.message).toBe('The request body is not valid JSON.');

      // The body is parsed before the logging middleware assigns ids; the client's id still comes back.
      const traced = await stack.http
        .post('/api/proposals')
        .set('Content-Type', 'application/json')
        .set('X-Correlation-Id', 'malformed-1')
        .send('{"title": ');
      expectErrorShape(traced, 400, 'MALFORMED_JSON');
      expect(traced.body.correlationId).toBe('malformed-1');
    });

    it('answers a body larger than BODY_LIMIT (100kb) with 413 PAYLOAD_TOO_LARGE', async () => {
      const res = await postProposalRaw(JSON.stringify(validProposal({ title: 'x'.repeat(200 * 1024) })));
      expectErrorShape(res, 413, 'PAYLOAD_TOO_LARGE');
    });

    it('refuses an unknown field with 422 and a details entry naming it', async () => {
      const proposer = await stack.tokenFor('Rina Wulandari');
      const res = await stack.http.post('/api/proposals').auth(proposer, { type: 'bearer' }).send(validProposal({ x: 1 }));
      expectErrorShape(res, 422, 'VALIDATION_FAILED');
      expect(detailsByField(res).get('x')).toEqual(['property x should not exist']);
    });

    it('names each missing or mistyped field, including nested ones, in a 422', async () => {
      const proposer = await stack.tokenFor('Rina Wulandari');
      const { title: _title, problem: _problem, ...rest } = validProposal();
      const res = await stack.http
        .post('/api/proposals')
        .auth(proposer, { type: 'bearer' })
        .send({
          ...rest,
          // title and problem are missing; the rest have the wrong type or shape.
          proposedChange: 42,
          type: 'hologram',
          budgetEstimate: '75000000',
          pilotPlan: { durationMonths: 'six', scope: 'Loket perizinan' },
          indicators: [{ name: 7, baseline: '120 menit', target: '30 menit' }],
          attachments: [{ name: 'Kajian awal.pdf', url: 'javascript:alert(1)' }],
          collaboratingUnitIds: ['not-a-uuid'],
          submit: 'yes',
        });
      expectErrorShape(res, 422, 'VALIDATION_FAILED');
      const fields = detailsByField(res);
      for (const field of [
        'title',
        'problem',
        'proposedChange',
        'type',
        'budgetEstimate',
        'pilotPlan.durationMonths',
        'indicators.0.name',
        'attachments.0.url',
        'collaboratingUnitIds',
        'submit',
      ]) {
        expect({ field, messages: fields.get(field) }).toEqual({ field, messages: expect.arrayContaining([expect.any(String)]) });
      }
      // Valid nested fields are not reported.
      expect(fields.has('pilotPlan.scope')).toBe(false);
      expect(fields.has('attachments.0.name')).toBe(false);
      expect(fields.get('attachments.0.url')).toEqual(['url must be an http(s) URL']);
    });

    it('refuses a nested object that is not an object (pilotPlan as a string, indicators as an object)', async () => {
      const proposer = await stack.tokenFor('Rina Wulandari');
      const res = await stack.http
        .post('/api/proposals')
        .auth(proposer, { type: 'bearer' })
        .send(validProposal({ pilotPlan: 'enam bulan', indicators: { name: 'x' } }));
      expectErrorShape(res, 422, 'VALIDATION_FAILED');
      const fields = detailsByField(res);
      expect(fields.has('pilotPlan')).toBe(true);
      expect(fields.has('indicators')).toBe(true);
    });

    // class-transformer, class-validator and the pipe all recurse over the body; a deep enough
    // body must be refused, not overflow the stack into a 500.
    it.each([
      ['an unknown field', 5_000],
      ['pilotPlan', 5_000],
      ['indicators', 5_000],
      ['attachments', 5_000],
      ['an unknown field', 45_000],
      ['indicators', 45_000],
    ])('refuses %s holding %i levels of nested arrays with a 4xx, never a 500', async (where, depth) => {
      const field = where === 'an unknown field' ? 'deep' : where;
      const { [field]: _dropped, ...rest } = validProposal() as Record<string, unknown>;
      const raw = `${JSON.stringify(rest).slice(0, -1)},"${field}":${nestedArrays(depth)}}`;
      expect(raw.length).toBeLessThan(100 * 1024); // under BODY_LIMIT, so it reaches validation
      const res = await postProposalRaw(raw);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expectErrorShape(res, 422, 'VALIDATION_FAILED');
      expect(detailsByField(res).get(field)).toEqual([expect.stringMatching(/nested more than \d+ levels/)]);
    });

    // body-parser's strict mode takes only objects and arrays; a bare JSON value is refused as malformed.
    it.each([['"x"'], ['null'], ['42'], ['true']])('refuses the bare JSON value %s as a body with 400 MALFORMED_JSON', async (raw) => {
      const res = await postProposalRaw(raw);
      expectErrorShape(res, 400, 'MALFORMED_JSON');
    });

    // An array or an empty object reaches validation, which wants an object with the required fields.
    it.each([['[]'], ['[{"title":"x"}]'], ['{}']])('refuses the body %s with 422, never a 500', async (raw) => {
      const res = await postProposalRaw(raw);
      expect(res.status).toBeLessThan(500);
      expectErrorShape(res, 422, 'VALIDATION_FAILED');
      expect(res.body.details.length).toBeGreaterThan(0);
    });
  });

  describe('authentication and roles', () => {
    const claimsOf = (name: string) => ({ sub: personId(name), name, roles: personByName(name)[3] });

    it('answers a request without a token with 401', async () => {
      const res = await stack.http.get('/api/auth/me');
      expectErrorShape(res, 401, 'UNAUTHORIZED');
    });

    it.each([
      ['a garbage token', 'Bearer not.a.jwt'],
      ['a bare word', 'Bearer garbage'],
      ['another scheme', 'Basic cmluYTpzZWNyZXQ='],
      ['an empty bearer', 'Bearer '],
    ])('answers %s with 401', async (_what, authorization) => {
      const res = await stack.http.get('/api/auth/me').set('Authorization', authorization);
      expectErrorShape(res, 401, 'UNAUTHORIZED');
    });

    it('answers a token signed with another secret with 401', async () => {
      const forged = await new JwtService({ secret: 'a-different-secret-that-is-long-enough-000' }).signAsync(claimsOf('Yoga Permana'), {
        algorithm: 'HS256',
        expiresIn: '1h',
      });
      const res = await stack.http.get('/api/auth/me').auth(forged, { type: 'bearer' });
      expectErrorShape(res, 401, 'UNAUTHORIZED');
    });

    it('answers an unsigned (alg none) token with 401', async () => {
      const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claimsOf('Yoga Permana'), exp: Math.floor(Date.now() / 1000) + 3600 })}.`;
      const res = await stack.http.get('/api/auth/me').auth(unsigned, { type: 'bearer' });
      expectErrorShape(res, 401, 'UNAUTHORIZED');
    });

    it('answers an expired token with 401, while the same claims freshly signed pass', async () => {
      const jwt = new JwtService({ secret: stack.api.get(AppConfig).get('JWT_SECRET') });
      const now = Math.floor(Date.now() / 1000);
      const expired = await jwt.signAsync({ ...claimsOf('Rina Wulandari'), iat: now - 7200, exp: now - 60 }, { algorithm: 'HS256' });
      const res = await stack.http.get('/api/auth/me').auth(expired, { type: 'bearer' });
      expectErrorShape(res, 401, 'UNAUTHORIZED');

      // Control: the claims are fine, only the expiry made the difference.
      const fresh = await jwt.signAsync({ ...claimsOf('Rina Wulandari'), iat: now, exp: now + 600 }, { algorithm: 'HS256' });
      const me = await stack.http.get('/api/auth/me').auth(fresh, { type: 'bearer' }).expect(200);
      expect(me.body).toEqual({ personId: personId('Rina Wulandari'), name: 'Rina Wulandari', roles: ['proposer'] });
    });

    it('refuses a proposer-only action by an admin with 403 ROLE_REQUIRED', async () => {
      const admin = await stack.tokenFor('Yoga Permana');
      const res = await stack.http.post('/api/proposals').auth(admin, { type: 'bearer' }).send(validProposal());
      expectErrorShape(res, 403, 'ROLE_REQUIRED');
    });

    it('refuses a proposal from someone who holds no post with 422 NO_POST', async () => {
      // Indah Permatasari has the approver and proposer roles but no appointment.
      const res = await stack.http.get('/api/auth/me').auth(await stack.tokenFor('Indah Permatasari'), { type: 'bearer' }).expect(200);
      expect(res.body.roles).toContain('proposer');
      const created = await stack.http
        .post('/api/proposals')
        .auth(await stack.tokenFor('Indah Permatasari'), { type: 'bearer' })
        .send(validProposal());
      expectErrorShape(created, 422, 'NO_POST');
    });
  });

  describe('resources and parameters', () => {
    it.each(['', '/history', '/history/verify'])('answers an unknown proposal id with 404 on GET /api/proposals/:id%s', async (suffix) => {
      const proposer = await stack.tokenFor('Rina Wulandari');
      const res = await stack.http.get(`/api/proposals/${randomUUID()}${suffix}`).auth(proposer, { type: 'bearer' });
      expectErrorShape(res, 404, 'NOT_FOUND');
    });

    it.each(['not-a-uuid', '123', "1' OR '1'='1", '00000000-0000-1000-8000-000000000000'])(
      'answers the non-uuid-v4 proposal id %p with 422 naming id, like any other invalid input',
      async (id) => {
        const proposer = await stack.tokenFor('Rina Wulandari');
        const res = await stack.http.get(`/api/proposals/${encodeURIComponent(id)}`).auth(proposer, { type: 'bearer' });
        expectErrorShape(res, 422, 'VALIDATION_FAILED');
        expect(res.body.details).toEqual([{ field: 'id', messages: ['id must be a UUID (version 4)'] }]);
      },
    );

    it('answers a path with a broken percent-encoding with 400, not 500', async () => {
      const proposer = await stack.tokenFor('Rina Wulandari');
      const res = await stack.http.get('/api/proposals/%E0%A4%A').auth(proposer, { type: 'bearer' });
      expectErrorShape(res, 400);
    });

    it('answers a decision on an unknown task with 404', async () => {
      const approver = await stack.tokenFor('Siti Rahmawati');
      const res = await stack.http.post(`/api/tasks/${randomUUID()}/decision`).auth(approver, { type: 'bearer' }).send({ decision: 'approve' });
      expectErrorShape(res, 404, 'NOT_FOUND');
    });

    it('answers a decision on a non-uuid task id with 422 naming id', async () => {
      const approver = await stack.tokenFor('Siti Rahmawati');
      const res = await stack.http.post('/api/tasks/42/decision').auth(approver, { type: 'bearer' }).send({ decision: 'approve' });
      expectErrorShape(res, 422, 'VALIDATION_FAILED');
      expect(detailsByField(res).get('id')).toEqual(['id must be a UUID']);
    });

    it.each([['maybe'], [''], [1], [null], [['approve']]])('refuses the decision value %p with 422 naming decision', async (decision) => {
      const approver = await stack.tokenFor('Siti Rahmawati');
      const res = await stack.http.post(`/api/tasks/${randomUUID()}/decision`).auth(approver, { type: 'bearer' }).send({ decision });
      expectErrorShape(res, 422, 'VALIDATION_FAILED');
      expect(detailsByField(res).has('decision')).toBe(true);
    });

    it.each([
      ['200 characters', 'k'.repeat(200)],
      ['spaces', 'my retry key'],
      ['a slash and quote', 'a/b"c'],
    ])('refuses an Idempotency-Key with %s with 422', async (_what, key) => {
      const approver = await stack.tokenFor('Siti Rahmawati');
      const res = await stack.http
        .post(`/api/tasks/${randomUUID()}/decision`)
        .auth(approver, { type: 'bearer' })
        .set('Idempotency-Key', key)
        .send({ decision: 'approve' });
      expectErrorShape(res, 422, 'INVALID_IDEMPOTENCY_KEY');
      expect(detailsByField(res).has('Idempotency-Key')).toBe(true);
    });

    it('refuses an unknown templateCode with 422 naming templateCode', async () => {
      const proposer = await stack.tokenFor('Rina Wulandari');
      const res = await stack.http.post('/api/proposals').auth(proposer, { type: 'bearer' }).send(validProposal({ templateCode: 'tidak-ada' }));
      expectErrorShape(res, 422, 'UNKNOWN_TEMPLATE');
      expect(detailsByField(res).get('templateCode')).toEqual([expect.stringContaining('tidak-ada')]);
    });

    it('refuses bad inbox query parameters with 422', async () => {
      const approver = await stack.tokenFor('Siti Rahmawati');
      const res = await stack.http.get('/api/tasks?status=all&page=0&pageSize=1000').auth(approver, { type: 'bearer' });
      expectErrorShape(res, 422, 'VALIDATION_FAILED');
      const fields = detailsByField(res);
      expect([...fields.keys()].sort()).toEqual(['page', 'pageSize', 'status']);
    });

    it('answers dev-login with an unknown 18-digit NIP with 404', async () => {
      const res = await stack.http.post('/api/auth/dev-login').send({ nip: '200001012030011999' });
      expectErrorShape(res, 404, 'NOT_FOUND');
    });

    it.each([['12345'], ['19900101201501101X'], [1990010120], [' 199001012015011016']])(
      'refuses dev-login with the malformed NIP %p with 422',
      async (nip) => {
        const res = await stack.http.post('/api/auth/dev-login').send({ nip });
        expectErrorShape(res, 422, 'VALIDATION_FAILED');
        expect(detailsByField(res).get('nip')).toEqual(['nip must be 18 digits']);
      },
    );

    it('answers an unknown route with 404 in the error shape', async () => {
      const proposer = await stack.tokenFor('Rina Wulandari');
      const res = await stack.http.get('/api/nothing-here').auth(proposer, { type: 'bearer' });
      expectErrorShape(res, 404);
    });
  });

  describe('operations and documentation', () => {
    it('reports health with the database and Temporal up', async () => {
      const res = await stack.http.get('/health').expect(200);
      expect(res.body).toMatchObject({
        status: 'ok',
        info: { database: { status: 'up' }, temporal: { status: 'up' } },
      });
    });

    it('serves an OpenAPI document listing the routes', async () => {
      const res = await stack.http.get('/api/docs-json').expect(200);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(res.body.openapi).toMatch(/^3\./);
      expect(Object.keys(res.body.paths)).toEqual(
        expect.arrayContaining([
          '/api/proposals',
          '/api/proposals/{id}',
          '/api/proposals/{id}/history',
          '/api/tasks',
          '/api/tasks/{id}/decision',
          '/api/auth/dev-login',
        ]),
      );
      expect(res.body.components.securitySchemes).toHaveProperty('bearer');
    });
  });

  describe('headers', () => {
    it('sets security headers and hides the framework, on success and on error', async () => {
      for (const res of [await stack.http.get('/health'), await stack.http.get('/api/auth/me')]) {
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['x-frame-options']).toBe('DENY');
        expect(res.headers['content-security-policy']).toEqual(expect.stringContaining("default-src 'self'"));
        expect(res.headers['strict-transport-security']).toEqual(expect.any(String));
        expect(res.headers['x-powered-by']).toBeUndefined();
      }
    });

    it('echoes a safe client correlation id, on success and in error bodies', async () => {
      const ok = await stack.http.get('/health').set('X-Correlation-Id', 'client-req.42:a_b').expect(200);
      expect(ok.headers['x-correlation-id']).toBe('client-req.42:a_b');
      const err = await stack.http.get('/api/auth/me').set('X-Correlation-Id', 'client-req-43');
      expectErrorShape(err, 401);
      expect(err.body.correlationId).toBe('client-req-43');
    });

    it.each([
      ['none', undefined],
      ['one with spaces', 'not safe at all'],
      ['one with markup', '<script>alert(1)</script>'],
      ['one too long', 'c'.repeat(101)],
    ])('generates a correlation id when the client sends %s', async (_what, given) => {
      const req = stack.http.get('/api/auth/me');
      const res = await (given === undefined ? req : req.set('X-Correlation-Id', given));
      expectErrorShape(res, 401);
      expect(res.headers['x-correlation-id']).toMatch(UUID);
      expect(res.body.correlationId).toBe(res.headers['x-correlation-id']);
    });

    it('gives each request its own generated correlation id', async () => {
      const a = await stack.http.get('/health');
      const b = await stack.http.get('/health');
      expect(a.headers['x-correlation-id']).toMatch(UUID);
      expect(b.headers['x-correlation-id']).toMatch(UUID);
      expect(a.headers['x-correlation-id']).not.toBe(b.headers['x-correlation-id']);
    });
  });

  describe('text fidelity', () => {
    it('stores and returns unicode, emoji, RTL, markup and SQL-looking text verbatim', async () => {
      const proposer = await stack.tokenFor('Dimas Pratama');
      const title = 'Layanan 🚀 ramah difabel — مرحبا بالعالم — 日本語 <script>alert("x")</script>';
      const problem = "Robert'); DROP TABLE proposals;-- \u202Eevil\u202C tabs\tand\nnewlines, combining e\u0301, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 👨‍👩‍👧";
      const proposedChange = '<img src=x onerror=alert(1)> & "quotes" \'single\' \\backslash\\ %s %d {{template}} ${expr}';
      const res = await stack.http
        .post('/api/proposals')
        .auth(proposer, { type: 'bearer' })
        .send(
          validProposal({
            title,
            problem,
            proposedChange,
            indicators: [{ name: 'Kepuasan 😀', baseline: 'سابق', target: '<b>naik</b>' }],
            submit: false,
          }),
        )
        .expect(201);
      expect(res.body).toMatchObject({ title, problem, proposedChange, status: 'draft' });

      const read = await stack.http.get(`/api/proposals/${res.body.id}`).auth(proposer, { type: 'bearer' }).expect(200);
      expect(read.headers['content-type']).toMatch(/application\/json/);
      expect(read.body).toMatchObject({
        title,
        problem,
        proposedChange,
        indicators: [{ name: 'Kepuasan 😀', baseline: 'سابق', target: '<b>naik</b>' }],
      });
    });

    // Postgres text cannot hold U+0000; such input is the client's fault, not a server error.
    it('refuses a NUL character in a text field with a 4xx, never a 500', async () => {
      const proposer = await stack.tokenFor('Dimas Pratama');
      const res = await stack.http
        .post('/api/proposals')
        .auth(proposer, { type: 'bearer' })
        .send(validProposal({ title: 'Judul dengan \u0000 NUL', indicators: [{ name: 'a\u0000b', baseline: '', target: '' }], submit: false }));
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expectErrorShape(res, 422, 'VALIDATION_FAILED');
      const fields = detailsByField(res);
      expect(fields.get('title')).toEqual([expect.stringContaining('NUL')]);
      expect(fields.get('indicators.0.name')).toEqual([expect.stringContaining('NUL')]);
    });

    // A decision comment travels through Temporal to a Postgres insert; a NUL there would fail in
    // the worker after the API said yes, so it is refused at the door.
    it('refuses a NUL character in a decision comment with 422', async () => {
      const approver = await stack.tokenFor('Siti Rahmawati');
      const res = await stack.http
        .post(`/api/tasks/${randomUUID()}/decision`)
        .auth(approver, { type: 'bearer' })
        .send({ decision: 'reject', comment: 'Ditolak\u0000' });
      expectErrorShape(res, 422, 'VALIDATION_FAILED');
      expect(detailsByField(res).get('comment')).toEqual([expect.stringContaining('NUL')]);
    });
  });
});
