import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { APPOINTMENT_CAPACITIES, AppointmentCapacity, CAPACITIES } from '@libs/domain/proposal';
import { ApiNullable } from '@libs/http/api-nullable';

/** An appointment to a post: the definitive holder, a Plt. for a vacant post or a Plh. for an absent holder. */
export class CreateAppointmentDto {
  @ApiProperty({ format: 'uuid', example: '5d3c2b1a-0f9e-5d8c-b7a6-958473625140' })
  @IsUUID('all')
  personId: string;

  @ApiProperty({
    enum: APPOINTMENT_CAPACITIES,
    example: 'plt',
    description:
      '`definitif`: the holder (ends the post\'s previous holder, any Plt./Plh. term, and the person\'s other definitive post — mutasi). ' +
      '`plt`: acting official for a vacant post. `plh`: daily acting official while the holder is absent (needs endsAt).',
  })
  @IsIn(APPOINTMENT_CAPACITIES)
  capacity: AppointmentCapacity;

  @ApiPropertyOptional({ format: 'date-time', description: 'Effective from (default: now). A future date takes effect on time by itself.', example: '2026-12-01T00:00:00+07:00' })
  @IsOptional()
  @IsDateString({ strict: true })
  startsAt?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'End of a Plt./Plh. term (required for Plh.); absent for an open-ended appointment.', example: '2026-12-14T00:00:00+07:00' })
  @IsOptional()
  @IsDateString({ strict: true })
  endsAt?: string;

  @ApiPropertyOptional({ description: 'Legal basis: number of the decree (SK) or warrant (surat perintah)', example: 'SK Wali Kota No. 821.2/123/2026', maxLength: 300 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  basis?: string;
}

export class EndAppointmentDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'When it ends (default: now); not before it started', example: '2026-12-01T00:00:00+07:00' })
  @IsOptional()
  @IsDateString({ strict: true })
  endsAt?: string;

  @ApiProperty({ description: 'Why (mutasi, pensiun, term cut short, …)', example: 'Mutasi ke Dinas Kesehatan', maxLength: 300 })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  reason: string;
}

export class PersonRefView {
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty({ example: 'Drs. Hendra Wijaya' }) name: string;
}

export class AppointmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) positionId: string;
  @ApiProperty({ example: 'Kepala Dinas Penanaman Modal dan PTSP' }) positionTitle: string;
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty({ example: 'Sri Wahyuni, S.Sos.' }) personName: string;
  @ApiProperty({ enum: APPOINTMENT_CAPACITIES }) capacity: string;
  @ApiProperty({ format: 'date-time' }) startsAt: Date;
  @ApiNullable('date-time') endsAt: Date | null;
  @ApiNullable('string') basis: string | null;
  @ApiNullable('string') endReason: string | null;
}

/** Named apart from the organization's ActingView: the document has one schema per class name. */
export class ActingForPostView {
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CAPACITIES }) capacity: string;
  @ApiNullable(PersonRefView, { description: 'With capacity delegate: the person they act for' }) onBehalfOf: PersonRefView | null;
}

/** What an appointment change did and what it set in motion. */
export class AppointmentChangeView {
  @ApiProperty({ type: AppointmentView }) appointment: AppointmentView;
  @ApiProperty({ type: [AppointmentView], description: 'Appointments this one ended (the previous holder, a Plt./Plh. term, the person\'s previous post)' })
  ended: AppointmentView[];
  @ApiNullable(ActingForPostView, { description: 'Who decides the post\'s tasks now (null: vacant)' }) actingNow: ActingForPostView | null;
  @ApiProperty({ description: 'Open tasks of the affected posts now moving to whoever acts for them (0 for a change dated in the future: they move when it takes effect)', example: 3 })
  openTasksMoving: number;
}

export class UpcomingChangeView {
  @ApiProperty({ format: 'date-time' }) at: Date;
  @ApiProperty({ enum: ['starts', 'ends'] }) change: string;
  @ApiProperty({ enum: ['appointment', 'delegation'] }) kind: string;
  @ApiProperty({ enum: CAPACITIES }) capacity: string;
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty() name: string;
}

export class PositionActingView {
  @ApiProperty({ format: 'uuid' }) positionId: string;
  @ApiProperty() positionTitle: string;
  @ApiNullable(ActingForPostView, { description: 'Who decides the post\'s tasks now; null when the post is vacant and nobody acts' })
  actingNow: ActingForPostView | null;
  @ApiProperty({ type: [AppointmentView], description: 'Appointments in force now (holder, Plt., Plh.)' }) current: AppointmentView[];
  @ApiProperty({ type: [UpcomingChangeView], description: 'Scheduled starts and ends, soonest first (at most 20)' }) upcoming: UpcomingChangeView[];
}
