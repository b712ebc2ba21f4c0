/**
 * The example shown in the OpenAPI docs: the full chain of an innovation in public services, from
 * the proposer's unit up to the Wali Kota. It names posts by code, as an administrator would write
 * it; the e2e tests post it, so the documented example is known to be accepted.
 */
export const INOVASI_PELAYANAN_PUBLIK_EXAMPLE = {
  code: 'inovasi-pelayanan-publik',
  name: 'Inovasi Pelayanan Publik',
  categories: ['pelayanan-publik'],
  stages: [
    { key: 'kepala-unit', name: 'Kepala Unit Pengusul', approvers: [{ kind: 'head-of-proposer-unit' }], mode: 'any', sla: 'P2D' },
    {
      key: 'kepala-unit-induk',
      name: 'Kepala Unit Induk',
      approvers: [{ kind: 'head-of-parent-unit' }],
      mode: 'any',
      sla: 'P3D',
      mayReturn: true,
    },
    {
      key: 'kepala-dinas',
      name: 'Kepala Dinas Penanaman Modal dan PTSP',
      approvers: [{ kind: 'position', positionCode: 'KADIS-DPMPTSP' }],
      mode: 'any',
      sla: 'P5D',
    },
    {
      key: 'evaluasi-brida',
      name: 'Tim Evaluasi Inovasi BRIDA',
      approvers: [{ kind: 'positions', positionCodes: ['EVAL-BRIDA-1', 'EVAL-BRIDA-2', 'EVAL-BRIDA-3'] }],
      mode: 'quorum:2',
      sla: 'P10D',
      reminders: ['P7D'],
      onTimeout: { action: 'escalate-to', positionCode: 'KA-BRIDA' },
    },
    {
      key: 'penetapan-walikota',
      name: 'Penetapan Wali Kota',
      approvers: [{ kind: 'position', positionCode: 'WALIKOTA' }],
      mode: 'any',
      sla: 'P14D',
      requiresDefinitive: true,
    },
  ],
};
