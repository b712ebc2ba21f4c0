import { DataSource } from 'typeorm';
import { IdempotencyKeyEntity } from './entities';

/** A request as bound to its key: what it did, on what, with which fields. */
export interface KeyedRequest {
  operation: string;
  target: string;
  request: Record<string, unknown>;
  fingerprint: string;
}

/** The request a key is bound to, and its first result once known. */
export interface BoundKey extends KeyedRequest {
  response: unknown;
}

/**
 * The binding of Idempotency-Keys to requests (table idempotency_key). A key is bound by the first
 * request that claims it; the row is keyed by (person, key), so two requests racing for one key
 * agree on which one it belongs to.
 */
export class IdempotencyStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Binds the key to this request unless it is bound already, and answers the binding that holds
   * (this request's, fresh, or the earlier one's, with its result if it has one).
   */
  async claim(personId: string, key: string, req: KeyedRequest): Promise<{ fresh: boolean; bound: BoundKey }> {
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_key (person_id, key, operation, target, request, fingerprint)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6) ON CONFLICT DO NOTHING RETURNING person_id`,
      [personId, key, req.operation, req.target, JSON.stringify(req.request), req.fingerprint],
    );
    if (inserted.length > 0) return { fresh: true, bound: { ...req, response: null } };
    const row = await this.dataSource.getRepository(IdempotencyKeyEntity).findOneBy({ personId, key });
    // Released between the insert and the read (its first request was refused): claim it again.
    if (!row) return this.claim(personId, key, req);
    return { fresh: false, bound: { operation: row.operation, target: row.target, request: row.request, fingerprint: row.fingerprint.trim(), response: row.response } };
  }

  /** Keeps the first result of the request the key is bound to; a later result never replaces it. */
  async complete(personId: string, key: string, fingerprint: string, response: unknown): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(IdempotencyKeyEntity)
      .set({ response: response as object, completedAt: () => 'now()' })
      .where('person_id = :personId AND key = :key AND fingerprint = :fingerprint AND response IS NULL', { personId, key, fingerprint })
      .execute();
  }

  /**
   * Frees a key whose request was refused before it changed anything (a 4xx): the key was never
   * used for an effect, so the client may send another request with it. A key with a result, or
   * bound to another request, stays as it is.
   */
  async release(personId: string, key: string, fingerprint: string): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .delete()
      .from(IdempotencyKeyEntity)
      .where('person_id = :personId AND key = :key AND fingerprint = :fingerprint AND response IS NULL', { personId, key, fingerprint })
      .execute();
  }
}
