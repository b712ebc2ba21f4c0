/** The Nest token of the API's Temporal client (a `Client` of @temporalio/client). */
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
