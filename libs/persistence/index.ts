export * from './entities';
export * from './data-source-options';
export * from './record.store';
export * from './idempotency.store';
