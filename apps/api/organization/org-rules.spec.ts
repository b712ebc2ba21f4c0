import { cycleIfParent, cyclesIn, normalizedRoles, sameRoles, treeOrder } from './org-rules';

const parents = (edges: Record<string, string | null>) => (node: string) => edges[node];

describe('organization rules', () => {
  describe('cyclesIn', () => {
    it('finds nothing in a tree', () => {
      const edges = { PEMKOT: null, DINKES: 'PEMKOT', YANKES: 'DINKES', DINSOS: 'PEMKOT' };
      expect(cyclesIn(Object.keys(edges), parents(edges)).size).toBe(0);
    });

    it('gives every node on a cycle the cycle as seen from it, and leaves the nodes hanging off it alone', () => {
      const edges = { A: 'B', B: 'C', C: 'A', D: 'A', E: null };
      const found = cyclesIn(Object.keys(edges), parents(edges));
      expect([...found.keys()].sort()).toEqual(['A', 'B', 'C']);
      expect(found.get('A')).toEqual(['A', 'B', 'C', 'A']);
      expect(found.get('C')).toEqual(['C', 'A', 'B', 'C']);
    });

    it('finds a node that is its own parent, and follows parents outside the given nodes', () => {
      const edges: Record<string, string | null> = { X: 'X', IMPORTED: 'DB1', DB1: 'DB2', DB2: 'IMPORTED' };
      const found = cyclesIn(['X', 'IMPORTED'], parents(edges));
      expect(found.get('X')).toEqual(['X', 'X']);
      expect(found.get('IMPORTED')).toEqual(['IMPORTED', 'DB1', 'DB2', 'IMPORTED']);
    });

    it('stays linear on a long chain', () => {
      const n = 20000;
      const edges = new Map(Array.from({ length: n }, (_, i) => [i, i === 0 ? null : i - 1]));
      expect(cyclesIn(edges.keys(), (i) => edges.get(i)).size).toBe(0);
    });
  });

  describe('cycleIfParent', () => {
    const edges = { PEMKOT: null, DINKES: 'PEMKOT', YANKES: 'DINKES', SEKSI: 'YANKES' };

    it('refuses a move under one of its own descendants, naming the loop', () => {
      expect(cycleIfParent('DINKES', 'SEKSI', parents(edges))).toEqual(['DINKES', 'SEKSI', 'YANKES', 'DINKES']);
    });

    it('accepts a move elsewhere, and ends on data that already loops elsewhere', () => {
      expect(cycleIfParent('SEKSI', 'PEMKOT', parents(edges))).toBeNull();
      const broken = { A: 'B', B: 'A', C: null };
      expect(cycleIfParent('C', 'A', parents(broken))).toBeNull();
    });
  });

  describe('treeOrder', () => {
    const unit = (id: string, parentId: string | null) => ({ id, parentId, code: id });
    const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);

    it('lists each unit before its children, siblings by code, with depths', () => {
      const units = [unit('DINSOS', 'PEMKOT'), unit('YANKES', 'DINKES'), unit('PEMKOT', null), unit('DINKES', 'PEMKOT'), unit('AAA', 'DINKES')];
      expect(treeOrder(units, byCode).map(({ node, depth }) => `${depth}:${node.id}`)).toEqual(['0:PEMKOT', '1:DINKES', '2:AAA', '2:YANKES', '1:DINSOS']);
    });

    it('never drops a unit: missing parents make roots, loops come last', () => {
      const units = [unit('ORPHAN', 'GONE'), unit('L1', 'L2'), unit('L2', 'L1'), unit('ROOT', null)];
      const order = treeOrder(units, byCode).map(({ node }) => node.id);
      expect(order.sort()).toEqual(['L1', 'L2', 'ORPHAN', 'ROOT']);
    });
  });

  it('compares roles as sets, stored in one order', () => {
    expect(normalizedRoles(['admin', 'proposer'])).toEqual(['proposer', 'admin']);
    expect(sameRoles(['approver', 'proposer'], ['proposer', 'approver'])).toBe(true);
    expect(sameRoles(['approver'], ['proposer', 'approver'])).toBe(false);
  });
});
