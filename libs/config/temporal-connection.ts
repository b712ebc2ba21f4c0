import { readFileSync } from 'node:fs';
import type { TLSConfig } from '@temporalio/common/lib/internal-non-workflow';
import type { EnvironmentVariables } from './environment';

export interface TemporalConnectionSettings {
  address: string;
  tls?: TLSConfig | boolean;
  apiKey?: string;
}

type TemporalEnv = Pick<
  EnvironmentVariables,
  'TEMPORAL_ADDRESS' | 'TEMPORAL_TLS' | 'TEMPORAL_TLS_CERT_PATH' | 'TEMPORAL_TLS_KEY_PATH' | 'TEMPORAL_API_KEY'
>;

/** Connection settings shared by the API's client and the worker: local dev server, self-hosted or Cloud. */
export function temporalConnectionSettings(env: TemporalEnv): TemporalConnectionSettings {
  const mtls = env.TEMPORAL_TLS_CERT_PATH && env.TEMPORAL_TLS_KEY_PATH
    ? { clientCertPair: { crt: readFileSync(env.TEMPORAL_TLS_CERT_PATH), key: readFileSync(env.TEMPORAL_TLS_KEY_PATH) } }
    : undefined;
  const tls = mtls ?? (env.TEMPORAL_TLS || env.TEMPORAL_API_KEY ? true : undefined);
  return { address: env.TEMPORAL_ADDRESS, tls, apiKey: env.TEMPORAL_API_KEY };
}
