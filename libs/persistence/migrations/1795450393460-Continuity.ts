import { MigrationInterface, QueryRunner } from "typeorm";

export class Continuity1795450393460 implements MigrationInterface {
    name = 'Continuity1795450393460'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "delegation" ("id" uuid NOT NULL, "position_id" uuid NOT NULL, "delegator_person_id" uuid NOT NULL, "delegate_person_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reason" character varying(500) NOT NULL, "created_by_person_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_by_person_id" uuid, "revoke_reason" character varying(500), CONSTRAINT "PK_a2cb6c9b942d68b109131beab44" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_64a2357713e9943fbb5a75de5f" ON "delegation"  ("delegate_person_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_5656fdcbd1cf7dc5b6daed4499" ON "delegation"  ("position_id", "starts_at") `);
        await queryRunner.query(`ALTER TABLE "appointment" ADD "basis" character varying(300)`);
        await queryRunner.query(`ALTER TABLE "appointment" ADD "end_reason" character varying(300)`);
        await queryRunner.query(`ALTER TABLE "appointment" ADD "created_by_person_id" uuid`);
        await queryRunner.query(`ALTER TABLE "appointment" ADD "ended_by_person_id" uuid`);
        await queryRunner.query(`ALTER TABLE "approval_task" ADD "on_behalf_of_person_id" uuid`);
        await queryRunner.query(`ALTER TABLE "approval_task" ADD "reassigned_from_task_id" uuid`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "approval_task" DROP COLUMN "reassigned_from_task_id"`);
        await queryRunner.query(`ALTER TABLE "approval_task" DROP COLUMN "on_behalf_of_person_id"`);
        await queryRunner.query(`ALTER TABLE "appointment" DROP COLUMN "ended_by_person_id"`);
        await queryRunner.query(`ALTER TABLE "appointment" DROP COLUMN "created_by_person_id"`);
        await queryRunner.query(`ALTER TABLE "appointment" DROP COLUMN "end_reason"`);
        await queryRunner.query(`ALTER TABLE "appointment" DROP COLUMN "basis"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_5656fdcbd1cf7dc5b6daed4499"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_64a2357713e9943fbb5a75de5f"`);
        await queryRunner.query(`DROP TABLE "delegation"`);
    }

}
