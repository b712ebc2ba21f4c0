import { Module } from '@nestjs/common';
import { HandoverController } from './handover.controller';
import { HandoverService } from './handover.service';

/** Serah terima jabatan: what a post carries from one holder to the next, and the chain of custody of proposals. */
@Module({ controllers: [HandoverController], providers: [HandoverService] })
export class HandoverModule {}
