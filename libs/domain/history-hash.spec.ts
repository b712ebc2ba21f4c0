import { canonicalJson, deterministicUuid, HashableEvent, hashEvent, verifyChain } from './history-hash';

function chain(n: number) {
  const rows: (HashableEvent & { hash: string })[] = [];
  let prevHash: string | null = null;
  for (let seq = 1; seq <= n; seq++) {
    const e: HashableEvent = {
      id: `e${seq}`, proposalId: 'p1', seq, type: 'note', occurredAt: '2026-01-01T00:00:00.000Z',
      actorPersonId: null, actorPositionId: null, capacity: null, data: { n: seq }, prevHash,
    };
    const hash = hashEvent(e);
    rows.push({ ...e, hash });
    prevHash = hash;
  }
  return rows;
}

describe('history hash chain', () => {
  it('encodes objects canonically regardless of key order', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: undefined }] })).toBe(canonicalJson({ a: [1, { d: 2 }], b: 1 }));
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });

  it('verifies an intact chain', () => {
    expect(verifyChain(chain(4))).toEqual({ valid: true, count: 4 });
  });

  it('names the first row whose content was altered', () => {
    const rows = chain(4);
    rows[2] = { ...rows[2], data: { n: 99 } };
    const result = verifyChain(rows);
    expect(result).toMatchObject({ valid: false, brokenAt: { id: 'e3', seq: 3, reason: 'content does not match its hash' } });
  });

  it('detects a removed row', () => {
    const rows = chain(4);
    rows.splice(1, 1);
    expect(verifyChain(rows)).toMatchObject({ valid: false, brokenAt: { id: 'e3' } });
  });

  it('derives stable UUIDs from names', () => {
    expect(deterministicUuid('a')).toBe(deterministicUuid('a'));
    expect(deterministicUuid('a')).not.toBe(deterministicUuid('b'));
    expect(deterministicUuid('a')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
