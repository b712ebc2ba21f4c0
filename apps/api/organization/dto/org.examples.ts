/*
 * Examples shown in the OpenAPI docs. The import example is a small but complete Dinas: the e2e
 * tests post it (under other codes), so the documented example is known to be accepted.
 */

const CORRELATION_ID = '9f3b2c1a-7d6e-4f5a-8b9c-0d1e2f3a4b5c';

/** A documented error answer in the one error shape. */
export const errorExample = (statusCode: number, error: string, code: string, message: string, details?: unknown) => ({
  schema: { example: { statusCode, error, code, message, ...(details !== undefined ? { details } : {}), correlationId: CORRELATION_ID } },
});

export const NOT_ADMIN = errorExample(403, 'Forbidden', 'ROLE_REQUIRED', 'This action needs the role: admin.');

export const INVALID_FIELDS = (field: string, message: string) =>
  errorExample(422, 'Unprocessable Entity', 'VALIDATION_FAILED', 'The request has invalid fields.', [{ field, messages: [message] }]);

export const UNIT_EXAMPLE = { code: 'DINKES-YANKES', name: 'Bidang Pelayanan Kesehatan', kind: 'bidang', parentCode: 'DINKES' };

export const POSITION_EXAMPLE = {
  code: 'KABID-YANKES',
  title: 'Kepala Bidang Pelayanan Kesehatan',
  unitCode: 'DINKES-YANKES',
  level: 'administrator',
  superiorCode: 'KADIS-DINKES',
  isUnitHead: true,
};

export const PERSON_EXAMPLE = { nip: '198703152010012004', name: 'Dewi Anggraini', email: 'dewi.anggraini@sukamajukota.go.id', roles: ['proposer', 'approver'] };

/** A new Dinas with a bidang and a seksi, its heads and two people, all referenced by code. */
export const ORG_IMPORT_EXAMPLE = {
  units: [
    { code: 'DISKOMINFO', name: 'Dinas Komunikasi dan Informatika', kind: 'dinas', parentCode: 'PEMKOT' },
    { code: 'DISKOMINFO-APTIKA', name: 'Bidang Aplikasi Informatika', kind: 'bidang', parentCode: 'DISKOMINFO' },
    { code: 'DISKOMINFO-APTIKA-LAYANAN', name: 'Seksi Layanan Aplikasi', kind: 'seksi', parentCode: 'DISKOMINFO-APTIKA' },
  ],
  positions: [
    { code: 'KADIS-KOMINFO', title: 'Kepala Dinas Komunikasi dan Informatika', unitCode: 'DISKOMINFO', level: 'jpt-pratama', superiorCode: 'SEKDA', isUnitHead: true },
    { code: 'KABID-APTIKA', title: 'Kepala Bidang Aplikasi Informatika', unitCode: 'DISKOMINFO-APTIKA', level: 'administrator', superiorCode: 'KADIS-KOMINFO', isUnitHead: true },
    { code: 'KASI-LAYANAN-APL', title: 'Kepala Seksi Layanan Aplikasi', unitCode: 'DISKOMINFO-APTIKA-LAYANAN', level: 'pengawas', superiorCode: 'KABID-APTIKA', isUnitHead: true },
    { code: 'PRAKOM-APTIKA-1', title: 'Pranata Komputer Ahli Pertama', unitCode: 'DISKOMINFO-APTIKA-LAYANAN', level: 'fungsional', superiorCode: 'KASI-LAYANAN-APL' },
  ],
  people: [
    { nip: '198204112006041003', name: 'Bambang Sutrisno', email: 'bambang.sutrisno@sukamajukota.go.id', roles: ['proposer', 'approver'] },
    { nip: '199402172019032008', name: 'Putri Maharani', email: 'putri.maharani@sukamajukota.go.id' },
  ],
};

export const UNITS_CSV_EXAMPLE = 'code,name,kind,parentCode\nDISKOMINFO,Dinas Komunikasi dan Informatika,dinas,PEMKOT\nDISKOMINFO-APTIKA,"Bidang Aplikasi, Informatika",bidang,DISKOMINFO\n';
export const POSITIONS_CSV_EXAMPLE = 'code,title,unitCode,level,superiorCode,isUnitHead\nKADIS-KOMINFO,Kepala Dinas Komunikasi dan Informatika,DISKOMINFO,jpt-pratama,SEKDA,true\n';
export const PEOPLE_CSV_EXAMPLE = 'nip,name,email,roles\n198204112006041003,Bambang Sutrisno,bambang.sutrisno@sukamajukota.go.id,proposer;approver\n';
