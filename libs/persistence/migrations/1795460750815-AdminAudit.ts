import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The admin audit log. Append-only like history_event: the database itself refuses UPDATE, DELETE
 * and TRUNCATE on admin_audit. (A superuser can still drop the trigger; that is the boundary.)
 */
export class AdminAudit1795460750815 implements MigrationInterface {
    name = 'AdminAudit1795460750815'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "admin_audit" ("id" uuid NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_person_id" uuid NOT NULL, "actor_name" character varying(200) NOT NULL, "action" character varying(64) NOT NULL, "target_type" character varying(32) NOT NULL, "target_id" character varying(200), "summary" jsonb NOT NULL DEFAULT '{}', "outcome" character varying(16) NOT NULL, "status_code" smallint NOT NULL, "error_code" character varying(64), "correlation_id" character varying(100), CONSTRAINT "PK_5ad48a4d9d16397ef37e28bb0be" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_admin_audit_target" ON "admin_audit"  ("target_type", "target_id") `);
        await queryRunner.query(`CREATE INDEX "ix_admin_audit_action" ON "admin_audit"  ("action", "occurred_at") `);
        await queryRunner.query(`CREATE INDEX "ix_admin_audit_actor" ON "admin_audit"  ("actor_person_id", "occurred_at") `);
        await queryRunner.query(`CREATE INDEX "ix_admin_audit_at" ON "admin_audit"  ("occurred_at") `);
        await queryRunner.query(`
      CREATE FUNCTION estafet_admin_audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'admin_audit is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END;
      $$`);
        await queryRunner.query(`
      CREATE TRIGGER admin_audit_no_update_delete BEFORE UPDATE OR DELETE ON "admin_audit"
      FOR EACH ROW EXECUTE FUNCTION estafet_admin_audit_is_append_only()`);
        await queryRunner.query(`
      CREATE TRIGGER admin_audit_no_truncate BEFORE TRUNCATE ON "admin_audit"
      FOR EACH STATEMENT EXECUTE FUNCTION estafet_admin_audit_is_append_only()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER admin_audit_no_truncate ON "admin_audit"`);
        await queryRunner.query(`DROP TRIGGER admin_audit_no_update_delete ON "admin_audit"`);
        await queryRunner.query(`DROP FUNCTION estafet_admin_audit_is_append_only()`);
        await queryRunner.query(`DROP INDEX "public"."ix_admin_audit_at"`);
        await queryRunner.query(`DROP INDEX "public"."ix_admin_audit_actor"`);
        await queryRunner.query(`DROP INDEX "public"."ix_admin_audit_action"`);
        await queryRunner.query(`DROP INDEX "public"."ix_admin_audit_target"`);
        await queryRunner.query(`DROP TABLE "admin_audit"`);
    }

}
