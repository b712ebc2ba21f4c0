import { DefaultLogger, LogLevel, Runtime } from '@temporalio/worker';

/**
 * Sets the Temporal SDK's own log level for this process. The runtime is a process-wide singleton
 * that can be installed once; a second call (another app in the same test process) keeps the first.
 */
export function installTemporalRuntime(level: LogLevel): void {
  try {
    Runtime.install({ logger: new DefaultLogger(level) });
  } catch {
    // already installed
  }
}
