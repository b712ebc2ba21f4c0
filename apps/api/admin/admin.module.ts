import { Module } from '@nestjs/common';
import { AdminCancelService } from './admin-cancel.service';
import { AdminController } from './admin.controller';
import { AdminService } from './admin.service';

@Module({ controllers: [AdminController], providers: [AdminService, AdminCancelService] })
export class AdminModule {}
