import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { StageDefinitionDto } from './stage-definition.dto';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const NOT_BLANK = /\S/;

/**
 * The fields shared by a new template and a new version. `stages` carries only @Allow(): its
 * tagged unions are checked by `validateChain`, which reports precise field paths such as
 * `stages[1].mode`.
 */
export class ChainBodyDto {
  @ApiPropertyOptional({
    type: [String],
    example: ['pelayanan-publik'],
    description: 'Proposals of these categories use this template when they name none',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(SLUG, { each: true, message: 'each category must be a lower-case slug such as pelayanan-publik' })
  @MaxLength(64, { each: true })
  categories?: string[];

  @ApiProperty({ type: [StageDefinitionDto], minItems: 1, maxItems: 20, description: 'The ordered stages; posts by id or by code' })
  @Allow()
  stages: unknown;

  @ApiPropertyOptional({
    type: Boolean,
    default: false,
    example: false,
    description:
      'A category has one template at a time. Without this, a category that the current version of another template claims is refused ' +
      '(409 CATEGORY_CLAIMED naming that template). With true, this template takes it over: the other template gets a new version without ' +
      'it, and both versions record the move in categoryChanges (and the admin audit log)',
  })
  @IsOptional()
  @IsBoolean({ message: 'takeOverCategories must be true or false' })
  takeOverCategories?: boolean;
}

export class CreateTemplateDto extends ChainBodyDto {
  @ApiProperty({ example: 'inovasi-pelayanan-publik', description: 'Lower-case slug, unique; proposals name a template by it' })
  @IsString()
  @Matches(SLUG, { message: 'code must be a lower-case slug such as inovasi-pelayanan-publik' })
  @MaxLength(64)
  code: string;

  @ApiProperty({ example: 'Inovasi Pelayanan Publik', maxLength: 200 })
  @IsString()
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  @MaxLength(200)
  name: string;
}

/** A new version: everything not given is taken over from the latest version, except the stages. */
export class CreateVersionDto extends ChainBodyDto {
  @ApiPropertyOptional({ example: 'Inovasi Pelayanan Publik (revisi)', maxLength: 200 })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  @MaxLength(200)
  name?: string;
}
