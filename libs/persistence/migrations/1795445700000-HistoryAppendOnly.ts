import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The record is append-only: the database itself refuses UPDATE, DELETE and TRUNCATE on
 * history_event. (A superuser can still go around the trigger; the hash chain then shows where.)
 */
export class HistoryAppendOnly1795445700000 implements MigrationInterface {
  name = 'HistoryAppendOnly1795445700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION estafet_history_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'history_event is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END;
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER history_event_no_update_delete BEFORE UPDATE OR DELETE ON "history_event"
      FOR EACH ROW EXECUTE FUNCTION estafet_history_is_append_only()`);
    await queryRunner.query(`
      CREATE TRIGGER history_event_no_truncate BEFORE TRUNCATE ON "history_event"
      FOR EACH STATEMENT EXECUTE FUNCTION estafet_history_is_append_only()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER history_event_no_truncate ON "history_event"`);
    await queryRunner.query(`DROP TRIGGER history_event_no_update_delete ON "history_event"`);
    await queryRunner.query(`DROP FUNCTION estafet_history_is_append_only()`);
  }
}
