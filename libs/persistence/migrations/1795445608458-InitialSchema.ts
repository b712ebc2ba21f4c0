import { MigrationInterface, QueryRunner } from "typeorm";

export class InitialSchema1795445608458 implements MigrationInterface {
    name = 'InitialSchema1795445608458'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "appointment" ("id" uuid NOT NULL, "position_id" uuid NOT NULL, "person_id" uuid NOT NULL, "capacity" character varying(16) NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e8be1a53027415e709ce8a2db74" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_1dcd734d271134b4e17f7ee994" ON "appointment"  ("person_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_dcdd2a4fde9a7d2274a7330a07" ON "appointment"  ("position_id", "starts_at") `);
        await queryRunner.query(`CREATE TABLE "approval_task" ("id" uuid NOT NULL, "proposal_id" uuid NOT NULL, "stage_index" integer NOT NULL, "stage_name" character varying(200) NOT NULL, "round" integer NOT NULL, "position_id" uuid NOT NULL, "assignee_person_id" uuid, "capacity" character varying(16), "status" character varying(16) NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_at" TIMESTAMP WITH TIME ZONE, "decided_by_person_id" uuid, "decision" character varying(16), "comment" text, CONSTRAINT "PK_d94742d0f97a8d5fc979bec0943" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_d5572541496b2d09c5b9a0540f" ON "approval_task"  ("proposal_id") `);
        await queryRunner.query(`CREATE INDEX "ix_task_status_due" ON "approval_task"  ("status", "due_at") `);
        await queryRunner.query(`CREATE INDEX "ix_task_position" ON "approval_task"  ("position_id", "status") `);
        await queryRunner.query(`CREATE INDEX "ix_task_inbox" ON "approval_task"  ("assignee_person_id", "status", "due_at") `);
        await queryRunner.query(`CREATE TABLE "chain_template" ("id" uuid NOT NULL, "code" character varying(64) NOT NULL, "version" integer NOT NULL, "name" character varying(200) NOT NULL, "categories" text array NOT NULL DEFAULT '{}', "definition" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_chain_template_code_version" UNIQUE ("code", "version"), CONSTRAINT "PK_be0c184095420cc87a8932dc8b8" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "history_event" ("id" uuid NOT NULL, "proposal_id" uuid NOT NULL, "seq" integer NOT NULL, "type" character varying(64) NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_person_id" uuid, "actor_position_id" uuid, "capacity" character varying(16), "data" jsonb NOT NULL, "prev_hash" character(64), "hash" character(64) NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_history_proposal_seq" UNIQUE ("proposal_id", "seq"), CONSTRAINT "PK_7fbfa45c0a68854e44cba8c6497" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "org_unit" ("id" uuid NOT NULL, "code" character varying(64) NOT NULL, "name" character varying(200) NOT NULL, "kind" character varying(32) NOT NULL, "parent_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ba1c59043dc14bb66023c1d07c7" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_b030ad27296e9df74659dcb8ec" ON "org_unit"  ("code") `);
        await queryRunner.query(`CREATE INDEX "IDX_b8e4301109a2850200ba2c7c51" ON "org_unit"  ("parent_id") `);
        await queryRunner.query(`CREATE TABLE "person" ("id" uuid NOT NULL, "nip" character varying(18) NOT NULL, "name" character varying(200) NOT NULL, "email" character varying(254) NOT NULL, "roles" text array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5fdaf670315c4b7e70cce85daa3" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_d68a79cc91cdb443756ab16ad7" ON "person"  ("nip") `);
        await queryRunner.query(`CREATE TABLE "position" ("id" uuid NOT NULL, "code" character varying(64) NOT NULL, "title" character varying(200) NOT NULL, "unit_id" uuid NOT NULL, "level" character varying(32) NOT NULL, "superior_position_id" uuid, "is_unit_head" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b7f483581562b4dc62ae1a5b7e2" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_01e858cf7d6aa6b8f738b14997" ON "position"  ("code") `);
        await queryRunner.query(`CREATE INDEX "IDX_1341903ee54016fde499b800d9" ON "position"  ("unit_id") `);
        await queryRunner.query(`CREATE TABLE "proposal" ("id" uuid NOT NULL, "title" character varying(200) NOT NULL, "problem" text NOT NULL, "proposed_change" text NOT NULL, "goals" text NOT NULL DEFAULT '', "benefits" text NOT NULL DEFAULT '', "category" character varying(64) NOT NULL, "type" character varying(16) NOT NULL, "form" character varying(32) NOT NULL, "initiator_kind" character varying(16) NOT NULL, "proposer_id" uuid NOT NULL, "unit_id" uuid NOT NULL, "budget_estimate" numeric(18,2), "pilot_plan" jsonb, "indicators" jsonb NOT NULL DEFAULT '[]', "risks" text NOT NULL DEFAULT '', "collaborating_unit_ids" uuid array NOT NULL DEFAULT '{}', "attachments" jsonb NOT NULL DEFAULT '[]', "status" character varying(16) NOT NULL, "template_id" uuid, "workflow_id" character varying(100), "current_stage" integer, "current_stage_name" character varying(200), "version" integer NOT NULL DEFAULT '1', "submitted_at" TIMESTAMP WITH TIME ZONE, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ca872ecfe4fef5720d2d39e4275" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_2c3dfbb12d13220f397de2a6e8" ON "proposal"  ("unit_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_02db1db1164f68f57ea6ee8d2a" ON "proposal"  ("status") `);
        await queryRunner.query(`CREATE INDEX "IDX_7888cfd129f1867e7461f8902e" ON "proposal"  ("proposer_id", "created_at") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_7888cfd129f1867e7461f8902e"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_02db1db1164f68f57ea6ee8d2a"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_2c3dfbb12d13220f397de2a6e8"`);
        await queryRunner.query(`DROP TABLE "proposal"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_1341903ee54016fde499b800d9"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_01e858cf7d6aa6b8f738b14997"`);
        await queryRunner.query(`DROP TABLE "position"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_d68a79cc91cdb443756ab16ad7"`);
        await queryRunner.query(`DROP TABLE "person"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_b8e4301109a2850200ba2c7c51"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_b030ad27296e9df74659dcb8ec"`);
        await queryRunner.query(`DROP TABLE "org_unit"`);
        await queryRunner.query(`DROP TABLE "history_event"`);
        await queryRunner.query(`DROP TABLE "chain_template"`);
        await queryRunner.query(`DROP INDEX "public"."ix_task_inbox"`);
        await queryRunner.query(`DROP INDEX "public"."ix_task_position"`);
        await queryRunner.query(`DROP INDEX "public"."ix_task_status_due"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_d5572541496b2d09c5b9a0540f"`);
        await queryRunner.query(`DROP TABLE "approval_task"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_dcdd2a4fde9a7d2274a7330a07"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_1dcd734d271134b4e17f7ee994"`);
        await queryRunner.query(`DROP TABLE "appointment"`);
    }

}
