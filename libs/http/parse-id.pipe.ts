import { ArgumentMetadata, ParseUUIDPipe } from '@nestjs/common';

/**
 * A UUID path parameter, lower-cased. Postgres compares uuids whatever their case, but the ids a
 * workflow holds (its workflow id, the ids of its tasks) and the per-proposal advisory locks are
 * plain text: an id written in capitals would find the row and then miss the workflow or the lock.
 */
export class ParseIdPipe extends ParseUUIDPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<string | undefined | null> {
    return (await super.transform(value, metadata))?.toLowerCase();
  }
}
