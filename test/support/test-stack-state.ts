/** What global setup started, kept for global teardown (both run in Jest's parent process). */
export interface TestStackState {
  workDir: string;
  databaseUrl?: string;
  temporalPid?: number;
  stopTemporal?: () => Promise<void>;
  stopPostgres?: () => Promise<void>;
}

const KEY = Symbol.for('estafet.testStack');
type Holder = { [KEY]?: TestStackState };

export function setTestStack(state: TestStackState): void {
  (globalThis as Holder)[KEY] = state;
}

export function getTestStack(): TestStackState | undefined {
  return (globalThis as Holder)[KEY];
}
