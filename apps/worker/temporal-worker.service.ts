import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { createApprovalActivities } from '../../activities/approval.activities';
import { AppConfig } from '../../libs/config/app-config.service';

/** Hosts the Temporal worker inside the Nest application context, so activities get DI. */
@Injectable()
export class TemporalWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TemporalWorkerService.name);
  private connection?: NativeConnection;
  private worker?: Worker;
  private running?: Promise<void>;

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.connection = await NativeConnection.connect(this.config.temporalConnection());
    const bundlePath = this.config.get('WORKFLOW_BUNDLE_PATH');
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: this.config.get('TEMPORAL_NAMESPACE'),
      taskQueue: this.config.get('TEMPORAL_TASK_QUEUE'),
      ...(bundlePath ? { workflowBundle: { codePath: bundlePath } } : { workflowsPath: require.resolve('../../workflows') }),
      activities: createApprovalActivities({ dataSource: this.dataSource }),
      shutdownGraceTime: '10 seconds',
    });
    this.running = this.worker.run().catch((err: unknown) => {
      this.logger.error({ err }, 'Temporal worker stopped with an error');
      process.exitCode = 1;
      throw err;
    });
    this.logger.log(`Worker polling task queue "${this.config.get('TEMPORAL_TASK_QUEUE')}" on ${this.config.get('TEMPORAL_ADDRESS')}`);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.connection?.close();
  }
}
