import { MigrationInterface, QueryRunner } from "typeorm";

export class ApprovalEngine1795447768372 implements MigrationInterface {
    name = 'ApprovalEngine1795447768372'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "notification_outbox" ("id" uuid NOT NULL, "proposal_id" uuid NOT NULL, "task_id" uuid, "kind" character varying(32) NOT NULL, "recipient_person_id" uuid, "recipient_role" character varying(16), "payload" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, "attempts" integer NOT NULL DEFAULT '0', "last_error" text, CONSTRAINT "PK_83d47c7dba1da2d038749fe757e" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_537c47c449d1fb5a62bb5aa82e" ON "notification_outbox"  ("proposal_id") `);
        await queryRunner.query(`CREATE INDEX "ix_outbox_pending" ON "notification_outbox"  ("sent_at", "created_at") `);
        await queryRunner.query(`ALTER TABLE "approval_task" ADD "slot" integer NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE "approval_task" ADD "escalation_level" integer NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE "approval_task" ADD "escalated_from_task_id" uuid`);
        await queryRunner.query(`ALTER TABLE "approval_task" ADD "reminders_sent" integer NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE "approval_task" ADD "overdue_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "proposal" ADD "round" integer NOT NULL DEFAULT '1'`);
        await queryRunner.query(`ALTER TABLE "proposal" ADD "stage_opened_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "proposal" ADD "escalated" boolean NOT NULL DEFAULT false`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "proposal" DROP COLUMN "escalated"`);
        await queryRunner.query(`ALTER TABLE "proposal" DROP COLUMN "stage_opened_at"`);
        await queryRunner.query(`ALTER TABLE "proposal" DROP COLUMN "round"`);
        await queryRunner.query(`ALTER TABLE "approval_task" DROP COLUMN "overdue_at"`);
        await queryRunner.query(`ALTER TABLE "approval_task" DROP COLUMN "reminders_sent"`);
        await queryRunner.query(`ALTER TABLE "approval_task" DROP COLUMN "escalated_from_task_id"`);
        await queryRunner.query(`ALTER TABLE "approval_task" DROP COLUMN "escalation_level"`);
        await queryRunner.query(`ALTER TABLE "approval_task" DROP COLUMN "slot"`);
        await queryRunner.query(`DROP INDEX "public"."ix_outbox_pending"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_537c47c449d1fb5a62bb5aa82e"`);
        await queryRunner.query(`DROP TABLE "notification_outbox"`);
    }

}
