import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection, isGrpcDeadlineError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { AppConfig } from '@libs/config/app-config.service';
import { unavailable } from '@libs/http/domain-error';

export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');

/** Closes the lazily opened connection when the app stops, so no handle is left open. */
@Injectable()
class TemporalClientCloser implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close();
  }
}

/**
 * Bounds the Temporal calls of one API request by TEMPORAL_RPC_TIMEOUT_MS. Without a deadline an
 * Update waits for as long as no worker takes it (workers restarting, Temporal restarting) and the
 * request hangs; past the deadline the caller gets 503 instead. A retry is safe: workflow ids derive
 * from the proposal and Update ids from the Idempotency-Key, so what the first attempt started (it may
 * still complete) is not done twice.
 */
@Injectable()
export class TemporalDeadline {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly config: AppConfig,
  ) {}

  async run<T>(call: () => Promise<T>): Promise<T> {
    const ms = this.config.get('TEMPORAL_RPC_TIMEOUT_MS');
    try {
      return await this.client.connection.withDeadline(Date.now() + ms, call);
    } catch (err) {
      if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError || isGrpcDeadlineError(err)) {
        throw unavailable(
          `The workflow engine (Temporal) did not answer within ${ms / 1000} s. The request may still be applied; ` +
            'retry it (with the same Idempotency-Key, where the endpoint takes one) and it is applied once.',
        );
      }
      throw err;
    }
  }
}

/**
 * The API's Temporal client. The connection is lazy: the API boots even while Temporal is down and
 * answers 503 until it is reachable.
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
    TemporalDeadline,
  ],
  exports: [TEMPORAL_CLIENT, TemporalDeadline],
})
export class TemporalClientModule {}
