import { MigrationInterface, QueryRunner } from "typeorm";

/** Idempotency-Keys bound to the first request sent with each (see IdempotencyKeyEntity). */
export class IdempotencyKeys1796191773972 implements MigrationInterface {
    name = 'IdempotencyKeys1796191773972'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "idempotency_key" ("person_id" uuid NOT NULL, "key" character varying(100) NOT NULL, "operation" character varying(32) NOT NULL, "target" character varying(200) NOT NULL, "request" jsonb NOT NULL, "fingerprint" character(64) NOT NULL, "response" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_idempotency_key" PRIMARY KEY ("person_id", "key"))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "idempotency_key"`);
    }

}
