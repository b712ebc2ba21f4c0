import { AppointmentEntity } from './appointment.entity';
import { ApprovalTaskEntity } from './approval-task.entity';
import { ChainTemplateEntity } from './chain-template.entity';
import { HistoryEventEntity } from './history-event.entity';
import { NotificationOutboxEntity } from './notification-outbox.entity';
import { OrgUnitEntity } from './org-unit.entity';
import { PersonEntity } from './person.entity';
import { PositionEntity } from './position.entity';
import { ProposalEntity } from './proposal.entity';

export {
  AppointmentEntity,
  ApprovalTaskEntity,
  ChainTemplateEntity,
  HistoryEventEntity,
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
  ChainTemplateEntity,
  ProposalEntity,
  ApprovalTaskEntity,
  HistoryEventEntity,
  NotificationOutboxEntity,
];
