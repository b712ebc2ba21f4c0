import { Module } from '@nestjs/common';
import { AdminCancelService } from './admin-cancel.service';
import { AdminController } from './admin.controller';
import { AdminService } from './admin.service';
import { CycleTimesService } from './cycle-times.service';
import { TrendsService } from './trends.service';

@Module({ controllers: [AdminController], providers: [AdminService, AdminCancelService, CycleTimesService, TrendsService] })
export class AdminModule {}
