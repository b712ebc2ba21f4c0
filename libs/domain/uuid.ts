/**
 * The shape of a UUID in any case, for telling an id apart from other text (a code, a name) before
 * it reaches a uuid column: Postgres refuses a malformed one with an error rather than no row.
 */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
