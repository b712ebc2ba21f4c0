import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '@libs/domain/proposal';
import { POSITION_LEVELS, UNIT_KINDS } from '../org-rules';
import { ApiNullable } from '@libs/http/api-nullable';

const UNIT_ID = '3f1c2a9e-5b7d-5e0a-9c41-2d8f6b7a1e03';
const PARENT_ID = '7a6b5c4d-3e2f-5a1b-8c9d-0e1f2a3b4c5d';
const POSITION_ID = '8b0e4f8e-1d2c-5a3b-9f6e-7c5d4b3a2910';
const SUPERIOR_ID = '1c2d3e4f-5a6b-5c7d-8e9f-0a1b2c3d4e5f';
const PERSON_ID = '5d4c3b2a-1f0e-5d9c-8b7a-6f5e4d3c2b1a';
const APPOINTMENT_ID = '9e8d7c6b-5a49-4382-a716-05f4e3d2c1b0';
const CAPACITY = ['definitif', 'plt', 'plh'];

/** A unit as the flat tree list shows it. */
export class UnitView {
  @ApiProperty({ format: 'uuid', example: UNIT_ID }) id: string;
  @ApiProperty({ example: 'DPMPTSP-YAN' }) code: string;
  @ApiProperty({ example: 'Bidang Pelayanan Perizinan' }) name: string;
  @ApiProperty({ enum: UNIT_KINDS, example: 'bidang' }) kind: string;
  @ApiNullable('uuid', { example: PARENT_ID }) parentId: string | null;
  @ApiNullable('string', { example: 'DPMPTSP' }) parentCode: string | null;
  @ApiProperty({ example: 2, description: '0 for a root (the Pemda), 1 for its children, …' }) depth: number;
}

export class UnitListView {
  @ApiProperty({ type: [UnitView], description: 'Depth first: each unit before its children, siblings by code' }) items: UnitView[];
}

/** An appointment active now: who holds or acts for a post, in which capacity, since when. */
export class ActiveAppointmentView {
  @ApiProperty({ format: 'uuid', example: APPOINTMENT_ID }) id: string;
  @ApiProperty({ format: 'uuid', example: PERSON_ID }) personId: string;
  @ApiProperty({ example: 'Agus Setiawan' }) personName: string;
  @ApiProperty({ example: '197912052005011004' }) personNip: string;
  @ApiProperty({ enum: CAPACITY, example: 'definitif', description: 'definitif (Pejabat Definitif), plt (Plt.), plh (Plh.)' }) capacity: string;
  @ApiProperty({ example: '2024-01-02T00:00:00.000Z' }) startsAt: Date;
  @ApiNullable('date-time', { example: null }) endsAt: Date | null;
}

/** One appointment of a post's history (Riwayat Jabatan), ended or not. */
export class AppointmentHistoryView extends ActiveAppointmentView {
  @ApiNullable('string', { example: 'SK Wali Kota Nomor 821/45/2024' }) basis: string | null;
  @ApiNullable('string', { example: null }) endReason: string | null;
  @ApiProperty({ example: true, description: 'Active now' }) active: boolean;
}

/** Who acts for the post now: a Plh. for an absent holder, else the definitive holder, else a Plt. */
export class ActingView {
  @ApiProperty({ format: 'uuid', example: PERSON_ID }) personId: string;
  @ApiProperty({ example: 'Agus Setiawan' }) personName: string;
  @ApiProperty({ enum: CAPACITY, example: 'definitif' }) capacity: string;
}

/** A post (jabatan) with the people active in it now, read from the appointments at request time. */
export class PositionView {
  @ApiProperty({ format: 'uuid', example: POSITION_ID }) id: string;
  @ApiProperty({ example: 'KABID-YAN' }) code: string;
  @ApiProperty({ example: 'Kepala Bidang Pelayanan Perizinan' }) title: string;
  @ApiProperty({ enum: POSITION_LEVELS, example: 'administrator' }) level: string;
  @ApiProperty({ example: true }) isUnitHead: boolean;
  @ApiProperty({ format: 'uuid', example: UNIT_ID }) unitId: string;
  @ApiNullable('string', { example: 'DPMPTSP-YAN' }) unitCode: string | null;
  @ApiNullable('string', { example: 'Bidang Pelayanan Perizinan' }) unitName: string | null;
  @ApiNullable('uuid', { example: SUPERIOR_ID }) superiorPositionId: string | null;
  @ApiNullable('string', { example: 'KADIS-DPMPTSP' }) superiorCode: string | null;
  @ApiNullable('string', { example: 'Kepala Dinas Penanaman Modal dan PTSP' }) superiorTitle: string | null;
  @ApiProperty({ type: [ActiveAppointmentView], description: 'Definitive holder, Plt. and Plh. active now' })
  activeAppointments: ActiveAppointmentView[];
  @ApiNullable(ActingView, { description: 'Null: nobody acts for the post (vacant)' }) acting: ActingView | null;
}

export class PositionPageView {
  @ApiProperty({ type: [PositionView] }) items: PositionView[];
  @ApiProperty({ example: 1 }) total: number;
  @ApiProperty({ example: 1 }) page: number;
  @ApiProperty({ example: 20 }) pageSize: number;
}

export class PostRefView {
  @ApiProperty({ format: 'uuid', example: POSITION_ID }) id: string;
  @ApiProperty({ example: 'KASI-USAHA' }) code: string;
  @ApiProperty({ example: 'Kepala Seksi Perizinan Usaha' }) title: string;
}

export class PositionDetailView extends PositionView {
  @ApiProperty({ type: [AppointmentHistoryView], description: 'Every appointment of the post, newest first' }) appointments: AppointmentHistoryView[];
  @ApiProperty({ type: [PostRefView], description: 'Posts whose superior this post is' }) subordinates: PostRefView[];
}

export class UnitDetailView extends UnitView {
  @ApiNullable('string', { example: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu' }) parentName: string | null;
  @ApiProperty({ type: [UnitView], description: 'Direct children, by code' }) children: UnitView[];
  @ApiProperty({ type: [PositionView], description: 'The posts of this unit, head first' }) positions: PositionView[];
}

/** A post a person holds or held. */
export class PersonAppointmentView {
  @ApiProperty({ format: 'uuid', example: APPOINTMENT_ID }) id: string;
  @ApiProperty({ format: 'uuid', example: POSITION_ID }) positionId: string;
  @ApiNullable('string', { example: 'KABID-YAN' }) positionCode: string | null;
  @ApiNullable('string', { example: 'Kepala Bidang Pelayanan Perizinan' }) positionTitle: string | null;
  @ApiNullable('string', { example: 'Bidang Pelayanan Perizinan' }) unitName: string | null;
  @ApiProperty({ enum: CAPACITY, example: 'definitif' }) capacity: string;
  @ApiProperty({ example: '2024-01-02T00:00:00.000Z' }) startsAt: Date;
  @ApiNullable('date-time', { example: null }) endsAt: Date | null;
  @ApiNullable('string', { example: 'SK Wali Kota Nomor 821/45/2024' }) basis: string | null;
  @ApiNullable('string', { example: null }) endReason: string | null;
  @ApiProperty({ example: true, description: 'Active now' }) active: boolean;
}

/** A civil servant (ASN). The email is personal data: only administrators (and the person) see it. */
export class PersonView {
  @ApiProperty({ format: 'uuid', example: PERSON_ID }) id: string;
  @ApiProperty({ example: '197912052005011004' }) nip: string;
  @ApiProperty({ example: 'Agus Setiawan' }) name: string;
  @ApiPropertyOptional({ example: 'agus.setiawan@sukamajukota.go.id', description: 'Present for administrators and for the person themself only' })
  email?: string;
  @ApiProperty({ enum: ROLES, isArray: true, example: ['proposer', 'approver'] }) roles: Role[];
  @ApiProperty({ type: [PersonAppointmentView], description: 'The posts the person holds or acts for now' }) activeAppointments: PersonAppointmentView[];
}

export class PersonPageView {
  @ApiProperty({ type: [PersonView] }) items: PersonView[];
  @ApiProperty({ example: 1 }) total: number;
  @ApiProperty({ example: 1 }) page: number;
  @ApiProperty({ example: 20 }) pageSize: number;
}

export class PersonDetailView extends PersonView {
  @ApiProperty({ type: [PersonAppointmentView], description: 'Every appointment of the person, newest first' }) appointments: PersonAppointmentView[];
}
