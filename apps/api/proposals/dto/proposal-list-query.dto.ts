import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PROPOSAL_STATUSES } from '@libs/domain/proposal';
import { PageQuery } from '@libs/http/page-query';
import type { ProposalStatus } from '@libs/domain/proposal';


/** `status=a,b`, `status=a&status=b` or both: one flat list; anything that is not a string is left for the validator to refuse. */
const toList = ({ value }: { value: unknown }) =>
  (Array.isArray(value) ? value : [value]).flatMap((v: unknown) =>
    typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter((s) => s !== '') : [v],
  );

export const PROPOSAL_LIST_SCOPES = ['mine', 'all'] as const;

export class ProposalListQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: PROPOSAL_STATUSES,
    isArray: true,
    example: 'in_review,returned',
    description: 'One or more statuses, comma-separated or repeated (status=draft&status=returned)',
  })
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @ArrayMaxSize(PROPOSAL_STATUSES.length)
  @IsIn(PROPOSAL_STATUSES, { each: true })
  status?: ProposalStatus[];

  @ApiPropertyOptional({ example: 'pelayanan-publik' })
  @IsOptional()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'category must be a lower-case slug such as pelayanan-publik' })
  @MaxLength(64)
  category?: string;

  @ApiPropertyOptional({ example: 'antrean', description: 'Case-insensitive search in the title' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: PROPOSAL_LIST_SCOPES, default: 'mine', description: 'all: every proposer\'s proposals (administrators only)' })
  @IsOptional()
  @IsIn(PROPOSAL_LIST_SCOPES)
  scope?: (typeof PROPOSAL_LIST_SCOPES)[number];


}
