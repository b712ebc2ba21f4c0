export * from './approval.contract';
export * from './search-attributes';
