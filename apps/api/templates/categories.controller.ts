import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CategoryListView } from './dto/category.views';
import { TemplatesService } from './templates.service';

/**
 * The categories a proposer may choose, each with the chain it will take: read from the chain
 * templates by the rule proposals are routed with. Anyone signed in may read them.
 */
@ApiTags('templates')
@ApiBearerAuth()
@Controller('categories')
export class CategoriesController {
  constructor(private readonly templates: TemplatesService) {}

  @Get()
  @ApiOperation({ summary: 'The proposal categories, each with the chain template (its current version) and the stages it leads to' })
  @ApiOkResponse({ type: CategoryListView })
  list(): Promise<CategoryListView> {
    return this.templates.categories();
  }
}
