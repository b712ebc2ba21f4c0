import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROPOSAL_STATUSES } from '../../../../libs/domain/proposal';
import type { Attachment, OutcomeIndicator, PilotPlan } from '../../../../libs/persistence/entities/proposal.entity';

export class TaskSummaryView {
  @ApiProperty() id: string;
  @ApiProperty() stageIndex: number;
  @ApiProperty() stageName: string;
  @ApiProperty() round: number;
  @ApiProperty() positionId: string;
  @ApiProperty() positionTitle: string;
  @ApiPropertyOptional({ nullable: true }) assigneePersonId: string | null;
  @ApiPropertyOptional({ nullable: true }) assigneeName: string | null;
  @ApiPropertyOptional({ nullable: true, enum: ['definitif', 'plt', 'plh', 'delegate'] }) capacity: string | null;
  @ApiProperty({ example: 'open' }) status: string;
  @ApiPropertyOptional({ nullable: true }) dueAt: Date | null;
  @ApiPropertyOptional({ nullable: true }) decision: string | null;
  @ApiPropertyOptional({ nullable: true }) comment: string | null;
  @ApiPropertyOptional({ nullable: true }) decidedAt: Date | null;
  @ApiPropertyOptional({ nullable: true }) decidedByName: string | null;
}

export class ProposalView {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() problem: string;
  @ApiProperty() proposedChange: string;
  @ApiProperty() goals: string;
  @ApiProperty() benefits: string;
  @ApiProperty() category: string;
  @ApiProperty() type: string;
  @ApiProperty() form: string;
  @ApiProperty() initiatorKind: string;
  @ApiProperty() proposerId: string;
  @ApiProperty() unitId: string;
  @ApiPropertyOptional({ nullable: true }) budgetEstimate: number | null;
  @ApiPropertyOptional({ nullable: true }) pilotPlan: PilotPlan | null;
  @ApiProperty() indicators: OutcomeIndicator[];
  @ApiProperty() risks: string;
  @ApiProperty({ type: [String] }) collaboratingUnitIds: string[];
  @ApiProperty() attachments: Attachment[];
  @ApiProperty({ enum: PROPOSAL_STATUSES }) status: string;
  @ApiProperty({ example: 'Menunggu Persetujuan' }) statusLabel: string;
  @ApiPropertyOptional({ nullable: true }) templateId: string | null;
  @ApiPropertyOptional({ nullable: true }) workflowId: string | null;
  @ApiPropertyOptional({ nullable: true }) currentStage: number | null;
  @ApiPropertyOptional({ nullable: true }) currentStageName: string | null;
  @ApiProperty() version: number;
  @ApiPropertyOptional({ nullable: true }) submittedAt: Date | null;
  @ApiPropertyOptional({ nullable: true }) decidedAt: Date | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
  @ApiProperty({ type: [TaskSummaryView] }) tasks: TaskSummaryView[];
}

export class HistoryEventView {
  @ApiProperty() id: string;
  @ApiProperty() seq: number;
  @ApiProperty({ example: 'task.decided' }) type: string;
  @ApiProperty() occurredAt: Date;
  @ApiPropertyOptional({ nullable: true }) actorPersonId: string | null;
  @ApiPropertyOptional({ nullable: true }) actorName: string | null;
  @ApiPropertyOptional({ nullable: true }) actorPositionId: string | null;
  @ApiPropertyOptional({ nullable: true }) actorPositionTitle: string | null;
  @ApiPropertyOptional({ nullable: true }) capacity: string | null;
  @ApiProperty() data: Record<string, unknown>;
  @ApiPropertyOptional({ nullable: true }) prevHash: string | null;
  @ApiProperty() hash: string;
}

export class VerificationView {
  @ApiProperty() valid: boolean;
  @ApiProperty() count: number;
  @ApiPropertyOptional() brokenAt?: { id: string; seq: number; reason: string };
}
