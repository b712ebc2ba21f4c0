export * from './entities';
export * from './data-source-options';
export * from './record.store';
export * from './caller-lookup';
export * from './idempotency.store';
