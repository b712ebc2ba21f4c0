import { MigrationInterface, QueryRunner } from "typeorm";

/** What categories a template version took over from another template or gave up to one (see CategoryChange). */
export class TemplateCategoryChanges1796193884814 implements MigrationInterface {
    name = 'TemplateCategoryChanges1796193884814'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "chain_template" ADD "category_changes" jsonb NOT NULL DEFAULT '[]'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "chain_template" DROP COLUMN "category_changes"`);
    }

}
