import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '@libs/auth/auth.decorators';
import type { AuthUser } from '@libs/auth/auth.types';
import { AdminAudit, byAdmin, fromParam, fromResult, pick } from '../audit/admin-audit.decorator';
import { AppointmentsService } from './appointments.service';
import { DelegationsService } from './delegations.service';
import { AppointmentChangeView, CreateAppointmentDto, EndAppointmentDto, PositionActingView } from './dto/appointment.dto';
import { CreateDelegationDto, DelegationChangeView, DelegationPageView, DelegationQuery, RevokeDelegationDto } from './dto/delegation.dto';
import { IdParam } from '@libs/http/parse-id.pipe';

const MOVES = 'Open tasks of the post move to whoever acts for it once the change takes effect (now, or on its date), each with a history event naming the post, both people and the reason.';

@ApiTags('organization')
@ApiBearerAuth()
@Controller()
export class AppointmentsController {
  constructor(private readonly appointments: AppointmentsService) {}

  @Post('positions/:id/appointments')
  @Roles('admin')
  @AdminAudit({
    action: 'appointment.create',
    targetType: 'position',
    targetId: fromParam('id'),
    result: (r) => ({ appointmentId: pick(r, 'appointment.id'), openTasksMoving: pick(r, 'openTasksMoving') }),
  })
  @ApiOperation({ summary: 'Appoint a definitive holder (mutasi), a Plt. or a Plh. to a post', description: MOVES })
  @ApiCreatedResponse({ type: AppointmentChangeView })
  @ApiForbiddenResponse({ description: 'Only administrators appoint' })
  @ApiNotFoundResponse({ description: 'No such post' })
  @ApiConflictResponse({ description: 'POST_NOT_VACANT (Plt. while a holder is in office), POST_VACANT (Plh. with nobody to stand in for), APPOINTMENT_CONFLICT (overlapping term), ALREADY_HOLDER, ALREADY_ACTING' })
  @ApiUnprocessableEntityResponse({ description: 'Invalid fields, e.g. endsAt before startsAt, a Plh. without endsAt, an unknown personId' })
  appoint(@CurrentUser() user: AuthUser, @IdParam() id: string, @Body() body: CreateAppointmentDto): Promise<AppointmentChangeView> {
    return this.appointments.appoint(user, id, body);
  }

  @Post('appointments/:id/end')
  @Roles('admin')
  @AdminAudit({ action: 'appointment.end', targetType: 'appointment', targetId: fromParam('id'), result: (r) => ({ openTasksMoving: pick(r, 'openTasksMoving') }) })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'End an appointment (now or on a date): the holder leaves, or a Plt./Plh. term is cut short', description: MOVES })
  @ApiOkResponse({ type: AppointmentChangeView })
  @ApiForbiddenResponse({ description: 'Only administrators end appointments' })
  @ApiNotFoundResponse({ description: 'No such appointment' })
  @ApiConflictResponse({ description: 'ALREADY_ENDED: it ends on or before that date already' })
  @ApiUnprocessableEntityResponse({ description: 'Invalid fields, e.g. an end before the start' })
  end(@CurrentUser() user: AuthUser, @IdParam() id: string, @Body() body: EndAppointmentDto): Promise<AppointmentChangeView> {
    return this.appointments.end(user, id, body);
  }

  @Get('positions/:id/acting')
  @ApiOperation({ summary: 'Who decides the post\'s tasks now (holder, Plt., Plh. or a delegate), and the scheduled changes' })
  @ApiOkResponse({ type: PositionActingView })
  @ApiNotFoundResponse({ description: 'No such post' })
  acting(@IdParam() id: string): Promise<PositionActingView> {
    return this.appointments.acting(id);
  }
}

@ApiTags('delegations')
@ApiBearerAuth()
@Controller('delegations')
export class DelegationsController {
  constructor(private readonly delegations: DelegationsService) {}

  @Post()
  @AdminAudit({ action: 'delegation.create', targetType: 'delegation', targetId: fromResult('delegation.id'), when: byAdmin })
  @ApiOperation({ summary: 'Delegate a post\'s tasks while away (Pelimpahan): by the person acting for the post, or an administrator', description: MOVES })
  @ApiCreatedResponse({ type: DelegationChangeView })
  @ApiForbiddenResponse({ description: 'NOT_ACTING_FOR_POST: the caller does not act for this post' })
  @ApiConflictResponse({ description: 'POST_VACANT (nobody to delegate), DELEGATION_OVERLAPS' })
  @ApiUnprocessableEntityResponse({ description: 'Invalid fields, e.g. endsAt in the past, longer than 90 days, an unknown post or person, delegating to oneself' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateDelegationDto): Promise<DelegationChangeView> {
    return this.delegations.create(user, body);
  }

  @Get()
  @ApiOperation({ summary: 'Delegations I gave or received (administrators: all)' })
  @ApiOkResponse({ type: DelegationPageView })
  list(@CurrentUser() user: AuthUser, @Query() query: DelegationQuery): Promise<DelegationPageView> {
    return this.delegations.list(user, query);
  }

  @Post(':id/revoke')
  @AdminAudit({ action: 'delegation.revoke', targetType: 'delegation', targetId: fromParam('id'), when: byAdmin })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'End a delegation early: by the person who delegated, or an administrator', description: MOVES })
  @ApiOkResponse({ type: DelegationChangeView })
  @ApiForbiddenResponse({ description: 'NOT_DELEGATOR' })
  @ApiNotFoundResponse({ description: 'No such delegation' })
  @ApiConflictResponse({ description: 'ALREADY_REVOKED or ALREADY_ENDED' })
  revoke(@CurrentUser() user: AuthUser, @IdParam() id: string, @Body() body: RevokeDelegationDto): Promise<DelegationChangeView> {
    return this.delegations.revoke(user, id, body);
  }
}
