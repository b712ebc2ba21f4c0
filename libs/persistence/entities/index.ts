import { AdminAuditEntity } from './admin-audit.entity';
import { AppointmentEntity } from './appointment.entity';
import { ApprovalTaskEntity } from './approval-task.entity';
import { ChainTemplateEntity } from './chain-template.entity';
import { DelegationEntity } from './delegation.entity';
import { HistoryEventEntity } from './history-event.entity';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { NotificationOutboxEntity } from './notification-outbox.entity';
import { OrgUnitEntity } from './org-unit.entity';
import { PersonEntity } from './person.entity';
import { PositionEntity } from './position.entity';
import { ProposalEntity } from './proposal.entity';

export {
  AdminAuditEntity,
  AppointmentEntity,
  ApprovalTaskEntity,
  ChainTemplateEntity,
  DelegationEntity,
  HistoryEventEntity,
  IdempotencyKeyEntity,
  NotificationOutboxEntity,
  OrgUnitEntity,
  PersonEntity,
  PositionEntity,
  ProposalEntity,
};

export const ENTITIES = [
  OrgUnitEntity,
  PositionEntity,
  PersonEntity,
  AppointmentEntity,
  DelegationEntity,
  ChainTemplateEntity,
  ProposalEntity,
  ApprovalTaskEntity,
  HistoryEventEntity,
  NotificationOutboxEntity,
  AdminAuditEntity,
  IdempotencyKeyEntity,
];
