import { Module } from '@nestjs/common';
import { OrgImportController } from './import/org-import.controller';
import { OrgImportService } from './import/org-import.service';
import { PeopleController } from './people.controller';
import { PeopleService } from './people.service';
import { PositionsController } from './positions.controller';
import { PositionsService } from './positions.service';
import { UnitsController } from './units.controller';
import { UnitsService } from './units.service';

/** The organization: the unit tree, posts (jabatan), people (ASN), and their bulk import. */
@Module({
  controllers: [UnitsController, PositionsController, PeopleController, OrgImportController],
  providers: [UnitsService, PositionsService, PeopleService, OrgImportService],
})
export class OrganizationModule {}
