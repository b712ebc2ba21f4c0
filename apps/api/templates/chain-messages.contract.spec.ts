import { validateChain } from '@libs/domain/chain-validation';
import { chainMessage } from '@apps/web/src/features/admin/chain-messages';

/**
 * The web's chain editor shows the API's chain messages in the reader's language by recognising each
 * sentence (apps/web/src/features/admin/chain-messages.ts). A sentence changed or added here without a
 * translation there would reach an Indonesian reader in English: every message validateChain writes
 * for these broken chains must be recognised.
 */
const POST = '8b0e4f8e-1d2c-5a3b-9f6e-7c5d4b3a2910';
const ok = { key: 'satu', name: 'Satu', approvers: [{ kind: 'position', positionId: POST }], mode: 'any' };

const broken: unknown[] = [
  [],
  { stages: 'x' },
  { stages: [] },
  { stages: Array.from({ length: 21 }, () => ok) },
  { stages: [ok, ok], extra: 1 },
  { stages: ['x'] },
  { stages: [{ ...ok, key: 'Bukan Slug', name: ' ', warna: 1 }] },
  { stages: [{ ...ok, name: 'x'.repeat(201) }] },
  { stages: [{ ...ok, approvers: [] }] },
  { stages: [{ ...ok, approvers: Array.from({ length: 21 }, () => ({ kind: 'head-of-proposer-unit' })) }] },
  { stages: [{ ...ok, approvers: ['x', { kind: 'semua' }, { kind: 'position', positionId: '' }, { kind: 'position', positionId: 'tidak-ada' }, { kind: 'positions', positionIds: [] }] }] },
  { stages: [{ ...ok, mode: 'kadang' }] },
  { stages: [{ ...ok, mode: 'quorum:0' }] },
  { stages: [{ ...ok, mode: 'quorum:3' }] },
  { stages: [{ ...ok, sla: 'besok', reminders: ['P1D'] }] },
  { stages: [{ ...ok, sla: 'PT0S' }] },
  { stages: [{ ...ok, sla: 'P400D' }] },
  { stages: [{ ...ok, sla: 'P1D', reminders: ['P2D'] }] },
  { stages: [{ ...ok, sla: 'P1D', reminders: 'P2D' }] },
  { stages: [{ ...ok, condition: 'x' }] },
  { stages: [{ ...ok, condition: { field: 'warna', op: 'eq', value: 1 } }] },
  { stages: [{ ...ok, condition: { field: 'budgetEstimate', op: 'eq', value: -1 } }] },
  { stages: [{ ...ok, condition: { field: 'category', op: 'in', value: [] } }] },
  { stages: [{ ...ok, condition: { field: 'category', op: 'in', value: ['Bukan Slug'] } }] },
  { stages: [{ ...ok, condition: { field: 'crossAgency', op: 'eq', value: 'ya' } }] },
  { stages: [{ ...ok, onTimeout: 'x' }] },
  { stages: [{ ...ok, onTimeout: { action: 'tunggu', after: 'x', maxEscalations: 11 } }] },
  { stages: [{ ...ok, onTimeout: { action: 'return', positionId: POST } }] },
  { stages: [{ ...ok, onTimeout: { action: 'escalate-to' } }] },
  { stages: [{ ...ok, mayReturn: 'ya', requiresDefinitive: 1 }] },
];

describe('chain messages of the API, as the web editor reads them', () => {
  it.each(broken.map((chain, i) => [i, chain]))('recognises every message of broken chain %i', (_i, chain) => {
    const problems = validateChain(chain, { knownPositionIds: new Set([POST]) });
    expect(problems.length).toBeGreaterThan(0);
    const unknown = problems.flatMap((p) => p.messages).filter((m) => chainMessage(m).key === 'unknown');
    expect(unknown).toEqual([]);
  });
});
