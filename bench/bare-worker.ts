import { NativeConnection, Runtime, Worker } from '@temporalio/worker';

/**
 * The worker of the bare-Temporal ceiling, as a process of its own like the engine's worker:
 * `node dist/bench/bare-worker.js` with TEMPORAL_ADDRESS and BENCH_BARE_QUEUE set.
 */
async function main(): Promise<void> {
  Runtime.install({ logger: new (await import('@temporalio/worker')).DefaultLogger('ERROR') });
  const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
  const worker = await Worker.create({
    connection,
    taskQueue: process.env.BENCH_BARE_QUEUE ?? 'estafet-bench-bare',
    workflowsPath: require.resolve('./workflows/bare.workflow'),
  });
  const running = worker.run();
  process.stdout.write('bare worker ready\n');
  const stop = () => worker.shutdown();
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  await running;
  await connection.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
