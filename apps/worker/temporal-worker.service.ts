import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { createApprovalActivities } from '@activities/approval.activities';
import { createContinuityActivities } from '@activities/continuity.activities';
import { AppConfig } from '@libs/config/app-config.service';
import { continuityWorkflowId } from '@libs/contracts/continuity.contract';
import type { continuityWorkflow } from '@workflows/continuity.workflow';
import { workflowBundlerOptions } from '@libs/temporal/workflow-bundler';

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
      ...(bundlePath ? { workflowBundle: { codePath: bundlePath } } : { workflowsPath: require.resolve('../../workflows'), bundlerOptions: workflowBundlerOptions }),
      activities: { ...createApprovalActivities({ dataSource: this.dataSource }), ...createContinuityActivities({ dataSource: this.dataSource }) },
      shutdownGraceTime: '10 seconds',
      ...this.tuning(),
    });
    this.running = this.worker.run().catch((err: unknown) => {
      this.logger.error({ err }, 'Temporal worker stopped with an error');
      process.exitCode = 1;
      throw err;
    });
    await this.ensureContinuity();
    this.logger.log(`Worker polling task queue "${this.config.get('TEMPORAL_TASK_QUEUE')}" on ${this.config.get('TEMPORAL_ADDRESS')}`);
  }

  /** Worker capacity from the environment; unset values keep the SDK's defaults. */
  private tuning(): Partial<WorkerOptions> {
    const cache = this.config.get('WORKER_MAX_CACHED_WORKFLOWS');
    const workflowTasks = this.config.get('WORKER_MAX_CONCURRENT_WORKFLOW_TASKS');
    const activities = this.config.get('WORKER_MAX_CONCURRENT_ACTIVITIES');
    return {
      ...(cache !== undefined ? { maxCachedWorkflows: cache } : {}),
      ...(workflowTasks !== undefined ? { maxConcurrentWorkflowTaskExecutions: workflowTasks } : {}),
      ...(activities !== undefined ? { maxConcurrentActivityTaskExecutions: activities, maxConcurrentLocalActivityExecutions: activities } : {}),
    };
  }

  /**
   * Starts the continuity workflow unless it runs already: date-based changes of who acts for a post
   * (a Plh. term ending, a delegation starting) must take effect even if nobody calls the API.
   */
  private async ensureContinuity(): Promise<void> {
    const taskQueue = this.config.get('TEMPORAL_TASK_QUEUE');
    const client = new Client({ connection: this.connection!, namespace: this.config.get('TEMPORAL_NAMESPACE') });
    await client.workflow.start<typeof continuityWorkflow>('continuityWorkflow', {
      taskQueue,
      workflowId: continuityWorkflowId(taskQueue),
      args: [{}],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.connection?.close();
  }
}
