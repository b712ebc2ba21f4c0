import { LOCK_KINDS, lockKey, lockKeysInOrder, Slots } from './advisory-lock';

describe('advisory lock names', () => {
  it('derives the keys the locks have always had, so old and new processes share them', () => {
    expect(lockKey({ kind: 'organization' })).toBe('estafet:organization');
    expect(lockKey({ kind: 'chainTemplates' })).toBe('estafet:chain-templates');
    expect(lockKey({ kind: 'proposal', id: 'p1' })).toBe('estafet:proposal:p1');
    expect(lockKey({ kind: 'position', id: 'x' })).toBe('estafet:org:position:x');
    expect(lockKey({ kind: 'person', id: 'x' })).toBe('estafet:org:person:x');
  });

  it('gives every kind its own keys: no two kinds can name the same lock', () => {
    const texts = Object.values(LOCK_KINDS).map((k) => (k.scope === 'row' ? k.key('same-id') : k.key()));
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts.every((t) => t.startsWith('estafet:'))).toBe(true);
  });

  it('orders several locks one way and drops repeats', () => {
    expect(
      lockKeysInOrder([
        { kind: 'position', id: 'b' },
        { kind: 'person', id: 'a' },
        { kind: 'position', id: 'b' },
        { kind: 'position', id: 'a' },
      ]),
    ).toEqual(['estafet:org:person:a', 'estafet:org:position:a', 'estafet:org:position:b']);
  });
});

describe('Slots', () => {
  it('lets `size` holders in at once and hands a freed slot to the next waiter', async () => {
    const slots = new Slots(1);
    expect(await slots.take(10)).toBe(true);
    const waiter = slots.take(1000);
    slots.give();
    expect(await waiter).toBe(true);
  });

  it('gives up on a wait that lasts too long', async () => {
    const slots = new Slots(1);
    await slots.take(10);
    expect(await slots.take(5)).toBe(false);
    slots.give();
    expect(await slots.take(10)).toBe(true);
  });
});
