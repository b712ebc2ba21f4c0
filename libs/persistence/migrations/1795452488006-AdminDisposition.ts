import { MigrationInterface, QueryRunner } from "typeorm";

export class AdminDisposition1795452488006 implements MigrationInterface {
    name = 'AdminDisposition1795452488006'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "approval_task" ADD "assigned_by_person_id" uuid`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "approval_task" DROP COLUMN "assigned_by_person_id"`);
    }

}
