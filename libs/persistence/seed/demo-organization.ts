import { DataSource } from 'typeorm';
import type { ChainDefinition } from '@libs/domain/chain';
import type { Role } from '@libs/domain/proposal';
import { deterministicUuid } from '@libs/domain/history-hash';
import { AppointmentEntity, ChainTemplateEntity, OrgUnitEntity, PersonEntity, PositionEntity } from '../entities';

/**
 * A small demo city government, Pemerintah Kota Sukamaju, with the posts and people the README's
 * walk-through and the tests use. Ids derive from codes, so seeding twice changes nothing.
 */
export const idOf = (kind: 'unit' | 'position' | 'person' | 'appointment' | 'template', code: string) =>
  deterministicUuid(`estafet-demo:${kind}:${code}`);

const UNITS: [code: string, name: string, kind: string, parent: string | null][] = [
  ['PEMKOT', 'Pemerintah Kota Sukamaju', 'pemda', null],
  ['SETDA', 'Sekretariat Daerah', 'sekretariat', 'PEMKOT'],
  ['DPMPTSP', 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', 'dinas', 'PEMKOT'],
  ['DPMPTSP-YAN', 'Bidang Pelayanan Perizinan', 'bidang', 'DPMPTSP'],
  ['DPMPTSP-YAN-USAHA', 'Seksi Perizinan Usaha', 'seksi', 'DPMPTSP-YAN'],
  ['DINKES', 'Dinas Kesehatan', 'dinas', 'PEMKOT'],
  ['DINSOS', 'Dinas Sosial', 'dinas', 'PEMKOT'],
  ['DISDUKCAPIL', 'Dinas Kependudukan dan Pencatatan Sipil', 'dinas', 'PEMKOT'],
  ['BRIDA', 'Badan Riset dan Inovasi Daerah', 'badan', 'PEMKOT'],
  ['INSPEKTORAT', 'Inspektorat Daerah', 'inspektorat', 'PEMKOT'],
];

const POSITIONS: [code: string, title: string, unit: string, level: string, superior: string | null, head: boolean][] = [
  ['WALIKOTA', 'Wali Kota Sukamaju', 'PEMKOT', 'kepala-daerah', null, true],
  ['SEKDA', 'Sekretaris Daerah', 'SETDA', 'jpt-pratama', 'WALIKOTA', true],
  ['ADMIN-SETDA', 'Pranata Komputer Sekretariat Daerah', 'SETDA', 'fungsional', 'SEKDA', false],
  ['KADIS-DPMPTSP', 'Kepala Dinas Penanaman Modal dan PTSP', 'DPMPTSP', 'jpt-pratama', 'SEKDA', true],
  ['KABID-YAN', 'Kepala Bidang Pelayanan Perizinan', 'DPMPTSP-YAN', 'administrator', 'KADIS-DPMPTSP', true],
  ['KASI-USAHA', 'Kepala Seksi Perizinan Usaha', 'DPMPTSP-YAN-USAHA', 'pengawas', 'KABID-YAN', true],
  ['STAF-USAHA-1', 'Pengadministrasi Perizinan', 'DPMPTSP-YAN-USAHA', 'pelaksana', 'KASI-USAHA', false],
  ['STAF-USAHA-2', 'Analis Perizinan', 'DPMPTSP-YAN-USAHA', 'pelaksana', 'KASI-USAHA', false],
  ['KADIS-DINKES', 'Kepala Dinas Kesehatan', 'DINKES', 'jpt-pratama', 'SEKDA', true],
  ['KADIS-DINSOS', 'Kepala Dinas Sosial', 'DINSOS', 'jpt-pratama', 'SEKDA', true],
  ['KADIS-DUKCAPIL', 'Kepala Dinas Kependudukan dan Pencatatan Sipil', 'DISDUKCAPIL', 'jpt-pratama', 'SEKDA', true],
  ['KA-BRIDA', 'Kepala Badan Riset dan Inovasi Daerah', 'BRIDA', 'jpt-pratama', 'SEKDA', true],
  ['EVAL-BRIDA-1', 'Peneliti Ahli Madya (Tim Evaluasi Inovasi) 1', 'BRIDA', 'fungsional', 'KA-BRIDA', false],
  ['EVAL-BRIDA-2', 'Peneliti Ahli Madya (Tim Evaluasi Inovasi) 2', 'BRIDA', 'fungsional', 'KA-BRIDA', false],
  ['EVAL-BRIDA-3', 'Peneliti Ahli Madya (Tim Evaluasi Inovasi) 3', 'BRIDA', 'fungsional', 'KA-BRIDA', false],
  ['INSPEKTUR', 'Inspektur Daerah', 'INSPEKTORAT', 'jpt-pratama', 'WALIKOTA', true],
];

export const DEMO_POSITION_CODES = POSITIONS.map(([code]) => code);

const APPROVER: Role[] = ['approver', 'proposer'];

/** [NIP, name, email local part, roles, post held as definitive holder (or null)] */
export const DEMO_PEOPLE: [nip: string, name: string, email: string, roles: Role[], post: string | null][] = [
  ['199503122020122001', 'Rina Wulandari', 'rina.wulandari', ['proposer'], 'STAF-USAHA-1'],
  ['199708042021011002', 'Dimas Pratama', 'dimas.pratama', ['proposer'], 'STAF-USAHA-2'],
  ['198804102010012003', 'Siti Rahmawati', 'siti.rahmawati', APPROVER, 'KASI-USAHA'],
  ['197912052005011004', 'Agus Setiawan', 'agus.setiawan', APPROVER, 'KABID-YAN'],
  ['197503181999031005', 'Hendra Gunawan', 'hendra.gunawan', APPROVER, 'KADIS-DPMPTSP'],
  ['196904221992031006', 'Budi Santoso', 'budi.santoso', APPROVER, 'SEKDA'],
  ['197102141995031007', 'Wahyu Hidayat', 'wahyu.hidayat', APPROVER, 'WALIKOTA'],
  ['197806302002122008', 'Maya Kusuma', 'maya.kusuma', APPROVER, 'KADIS-DINKES'],
  ['197609092000031009', 'Yusuf Hakim', 'yusuf.hakim', APPROVER, 'KADIS-DINSOS'],
  ['198001152005012010', 'Lestari Dewi', 'lestari.dewi', APPROVER, 'KADIS-DUKCAPIL'],
  ['197205201998031011', 'Andi Nugroho', 'andi.nugroho', APPROVER, 'KA-BRIDA'],
  ['198502282010011012', 'Fajar Ramadhan', 'fajar.ramadhan', APPROVER, 'EVAL-BRIDA-1'],
  ['198607172011012013', 'Nur Aini', 'nur.aini', APPROVER, 'EVAL-BRIDA-2'],
  ['198311112009011014', 'Teguh Wibowo', 'teguh.wibowo', APPROVER, 'EVAL-BRIDA-3'],
  ['197407071999032015', 'Ratna Sari', 'ratna.sari', ['approver', 'admin'], 'INSPEKTUR'],
  ['199001012015011016', 'Yoga Permana', 'yoga.permana', ['admin'], 'ADMIN-SETDA'],
  ['198909092014021017', 'Indah Permatasari', 'indah.permatasari', APPROVER, null],
];

const SIMPLE_CHAIN: ChainDefinition = {
  stages: [
    { key: 'kepala-unit', name: 'Kepala Unit Pengusul', approvers: [{ kind: 'head-of-proposer-unit' }], mode: 'any', sla: 'P2D' },
  ],
};

const post = (code: string) => ({ kind: 'position' as const, positionId: idOf('position', code) });

/** Story S1: the five layers a public-service innovation climbs, ending with the mayor's decree. */
const PUBLIC_SERVICE_CHAIN: ChainDefinition = {
  stages: [
    { key: 'kepala-seksi', name: 'Kepala Seksi', approvers: [{ kind: 'head-of-proposer-unit' }], mode: 'any', sla: 'P2D', reminders: ['P1D'] },
    { key: 'kepala-bidang', name: 'Kepala Bidang', approvers: [{ kind: 'head-of-parent-unit' }], mode: 'any', sla: 'P3D', reminders: ['P2D'], mayReturn: true },
    { key: 'kepala-dinas', name: 'Kepala Dinas', approvers: [post('KADIS-DPMPTSP')], mode: 'any', sla: 'P5D', reminders: ['P3D'], mayReturn: true },
    {
      key: 'tim-evaluasi-brida',
      name: 'Tim Evaluasi Inovasi BRIDA',
      approvers: [{ kind: 'positions', positionIds: ['EVAL-BRIDA-1', 'EVAL-BRIDA-2', 'EVAL-BRIDA-3'].map((c) => idOf('position', c)) }],
      mode: 'quorum:2',
      sla: 'P10D',
      reminders: ['P7D'],
      onTimeout: { action: 'escalate-to', positionId: idOf('position', 'KA-BRIDA') },
    },
    { key: 'penetapan', name: 'Penetapan Wali Kota', approvers: [post('WALIKOTA')], mode: 'any', sla: 'P14D', reminders: ['P10D'], requiresDefinitive: true, onTimeout: { action: 'notify-admin' } },
  ],
};

/** Story S2: a cross-agency data integration that every agency involved must agree to. */
const CROSS_AGENCY_DATA_CHAIN: ChainDefinition = {
  stages: [
    { key: 'kepala-unit', name: 'Kepala Unit Pengusul', approvers: [{ kind: 'head-of-proposer-unit' }], mode: 'any', sla: 'P2D' },
    {
      key: 'kepala-perangkat-daerah',
      name: 'Kepala Perangkat Daerah Terkait',
      approvers: [{ kind: 'positions', positionIds: ['KADIS-DINKES', 'KADIS-DINSOS', 'KADIS-DUKCAPIL'].map((c) => idOf('position', c)) }],
      mode: 'all',
      condition: { field: 'crossAgency', op: 'eq', value: true },
      sla: 'P3D',
      reminders: ['P2D'],
      onTimeout: { action: 'escalate-superior', maxEscalations: 1 },
    },
    { key: 'brida', name: 'Kepala BRIDA', approvers: [post('KA-BRIDA')], mode: 'any', sla: 'P5D' },
  ],
};

export async function seedDemoOrganization(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (em) => {
    const insert = async <T extends object>(entity: new () => T, rows: object[]) => {
      if (rows.length) await em.createQueryBuilder().insert().into(entity).values(rows).orIgnore().execute();
    };
    await insert(OrgUnitEntity, UNITS.map(([code, name, kind, parent]) => ({
      id: idOf('unit', code), code, name, kind, parentId: parent ? idOf('unit', parent) : null,
    })));
    await insert(PositionEntity, POSITIONS.map(([code, title, unit, level, superior, head]) => ({
      id: idOf('position', code), code, title, unitId: idOf('unit', unit), level,
      superiorPositionId: superior ? idOf('position', superior) : null, isUnitHead: head,
    })));
    await insert(PersonEntity, DEMO_PEOPLE.map(([nip, name, email, roles]) => ({
      id: idOf('person', nip), nip, name, email: `${email}@sukamajukota.go.id`, roles,
    })));
    await insert(AppointmentEntity, DEMO_PEOPLE.filter(([, , , , post]) => post).map(([nip, , , , post]) => ({
      id: idOf('appointment', `${nip}:${post}`), positionId: idOf('position', post!), personId: idOf('person', nip),
      capacity: 'definitif', startsAt: new Date('2024-01-02T00:00:00Z'), endsAt: null,
    })));
    await insert(ChainTemplateEntity, DEMO_TEMPLATES);
  });
}

/** The chain templates a fresh installation starts with. */
export const DEMO_TEMPLATES: Pick<ChainTemplateEntity, 'id' | 'code' | 'version' | 'name' | 'categories' | 'definition'>[] = [
  { id: idOf('template', 'umum@1'), code: 'umum', version: 1, name: 'Persetujuan Sederhana v1', categories: [], definition: SIMPLE_CHAIN },
  {
    id: idOf('template', 'inovasi-pelayanan-publik@1'),
    code: 'inovasi-pelayanan-publik',
    version: 1,
    name: 'Inovasi Pelayanan Publik v1',
    categories: ['pelayanan-publik'],
    definition: PUBLIC_SERVICE_CHAIN,
  },
  {
    id: idOf('template', 'satu-data@1'),
    code: 'satu-data',
    version: 1,
    name: 'Integrasi Data Lintas Perangkat Daerah v1',
    categories: ['integrasi-data'],
    definition: CROSS_AGENCY_DATA_CHAIN,
  },
];
