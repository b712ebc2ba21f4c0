import { Module } from '@nestjs/common';
import { AppointmentsService } from './appointments.service';
import { AppointmentsController, DelegationsController } from './continuity.controller';
import { ContinuitySignal } from './continuity-signal.service';
import { DelegationsService } from './delegations.service';
import { DispositionController } from './disposition.controller';
import { DispositionService } from './disposition.service';

/** Who acts for which post when: appointments (holder, Plt., Plh.) and delegations, and their effect on open tasks. */
@Module({
  controllers: [AppointmentsController, DelegationsController, DispositionController],
  providers: [AppointmentsService, DelegationsService, DispositionService, ContinuitySignal],
})
export class ContinuityModule {}
