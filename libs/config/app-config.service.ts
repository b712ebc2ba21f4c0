import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EnvironmentVariables } from './environment';
import { temporalConnectionSettings, TemporalConnectionSettings } from './temporal-connection';

/** Typed, read-only access to the validated configuration. The only reader of settings in the apps. */
@Injectable()
export class AppConfig {
  constructor(private readonly config: ConfigService<EnvironmentVariables, true>) {}

  get<K extends keyof EnvironmentVariables>(key: K): EnvironmentVariables[K] {
    return this.config.get(key, { infer: true });
  }

  temporalConnection(): TemporalConnectionSettings {
    return temporalConnectionSettings({
      TEMPORAL_ADDRESS: this.get('TEMPORAL_ADDRESS'),
      TEMPORAL_TLS: this.get('TEMPORAL_TLS'),
      TEMPORAL_TLS_CERT_PATH: this.get('TEMPORAL_TLS_CERT_PATH'),
      TEMPORAL_TLS_KEY_PATH: this.get('TEMPORAL_TLS_KEY_PATH'),
      TEMPORAL_API_KEY: this.get('TEMPORAL_API_KEY'),
    });
  }

  get isProduction(): boolean {
    return this.get('NODE_ENV') === 'production';
  }

  /** Whether dev-login is offered: only when DEV_LOGIN says so (never in production, which refuses the flag at boot). */
  get devLoginEnabled(): boolean {
    return this.get('DEV_LOGIN') === true && !this.isProduction;
  }
}
