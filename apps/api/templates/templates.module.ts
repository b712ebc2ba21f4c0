import { Module } from '@nestjs/common';
import { CategoriesController } from './categories.controller';
import { TemplatesController } from './templates.controller';
import { TemplatesService } from './templates.service';

@Module({ controllers: [TemplatesController, CategoriesController], providers: [TemplatesService] })
export class TemplatesModule {}
