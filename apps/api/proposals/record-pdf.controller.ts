import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '@libs/auth/auth.decorators';
import type { AuthUser } from '@libs/auth/auth.types';
import { IdParam } from '@libs/http/parse-id.pipe';
import { RecordPdfQuery } from './dto/record-pdf.dto';
import { ProposalQueriesService } from './proposal-queries.service';
import { DEFAULT_RECORD_TIME_ZONE, recordDocument } from './record/record-document';
import { renderRecordPdf } from './record/record-pdf';

/**
 * The record of a proposal as a PDF to print or file: the same reads as GET /api/proposals/:id and
 * /history/verify, so the same people may have it (the proposer, its approvers, administrators).
 */
@ApiTags('proposals')
@ApiBearerAuth()
@Controller('proposals')
export class RecordPdfController {
  constructor(private readonly queries: ProposalQueriesService) {}

  @Get(':id/record.pdf')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'The record of a proposal as a PDF: its content, its chain, every row of the Riwayat (who, in what capacity, when, notes) and whether the Riwayat is intact',
    description: 'In Bahasa Indonesia; times in the time zone asked for (tz), each named WIB, WITA or WIT.',
  })
  @ApiOkResponse({
    description: 'A PDF file, to be saved (Content-Disposition: attachment)',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
    headers: { 'Content-Disposition': { description: 'attachment; filename="riwayat-usulan-<id>.pdf"', schema: { type: 'string' } } },
  })
  @ApiForbiddenResponse({ description: 'Only the proposer, its approvers and administrators may read a proposal (NOT_INVOLVED)' })
  @ApiNotFoundResponse({ description: 'No proposal has this id (NOT_FOUND)' })
  async recordPdf(@CurrentUser() user: AuthUser, @IdParam('id', { version: '4' }) id: string, @Query() query: RecordPdfQuery): Promise<StreamableFile> {
    // view() refuses whoever may not read the proposal before anything else is read.
    const proposal = await this.queries.view(user, id);
    const verification = await this.queries.verify(user, id);
    const pdf = await renderRecordPdf(recordDocument(proposal, verification, query.tz ?? DEFAULT_RECORD_TIME_ZONE, new Date()));
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `attachment; filename="riwayat-usulan-${id}.pdf"`, length: pdf.length });
  }
}
