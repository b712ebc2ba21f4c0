import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { AppConfig } from '@libs/config/app-config.service';
import { ApprovalEngine } from './approval-engine.client';
import { TEMPORAL_CLIENT } from './temporal-client';

export { TEMPORAL_CLIENT } from './temporal-client';

/** Closes the lazily opened connection when the app stops, so no handle is left open. */
@Injectable()
class TemporalClientCloser implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close();
  }
}

/**
 * The API's Temporal client, used through `ApprovalEngine` (the client itself is exported for tests
 * that look at workflows directly). The connection is lazy: the API boots even while Temporal is down
 * and answers 503 until it is reachable.
 */
@Global()
@Module({
  providers: [
    {
      provide: TEMPORAL_CLIENT,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        const connection = Connection.lazy(config.temporalConnection());
        return new Client({ connection, namespace: config.get('TEMPORAL_NAMESPACE') });
      },
    },
    TemporalClientCloser,
    ApprovalEngine,
  ],
  exports: [TEMPORAL_CLIENT, ApprovalEngine],
})
export class TemporalClientModule {}
