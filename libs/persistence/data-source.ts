import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/** Used by the TypeORM CLI (`npm run migration:generate|run|revert`); reads DATABASE_URL. */
const url = process.env.DATABASE_URL;
if (!url) {
  throw new Error('DATABASE_URL is not set. Example: DATABASE_URL=postgres://postgres@127.0.0.1:5432/estafet');
}
export default new DataSource(dataSourceOptions(url));
