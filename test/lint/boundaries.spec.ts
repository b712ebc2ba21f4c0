import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Linter } from 'eslint';

/**
 * Probes of the layers' boundaries: source text linted with the project's real ESLint config as if it
 * stood at a path of the tree (nothing is written there). Each forbidden arrow must fail lint with its
 * reason; the allowed arrows beside it must not.
 */
const PROBES: { name: string; file: string; code: string; fails?: RegExp }[] = [
  { name: 'the API imports dev tooling', file: 'apps/api/proposals/probe-devstack.ts', code: "import { ensureTemporalCli } from '@libs/devstack/temporal-cli';\nexport const probe = ensureTemporalCli;\n", fails: /Dev tooling/ },
  { name: 'the API imports an activity', file: 'apps/api/tasks/probe-activities.ts', code: "import { createApprovalActivities } from '@activities/approval.activities';\nexport const probe = createApprovalActivities;\n", fails: /never runs activities/ },
  { name: 'the API takes a DataSource', file: 'apps/api/admin/probe-datasource.ts', code: "import { DataSource } from 'typeorm';\nexport const probe = DataSource;\n", fails: /SQL belongs in libs\/persistence/ },
  { name: 'the worker imports dev tooling', file: 'apps/worker/probe-devstack.ts', code: "import { freePort } from '../../libs/devstack/ports';\nexport const probe = freePort;\n", fails: /Dev tooling/ },
  { name: 'persistence imports the HTTP layer', file: 'libs/persistence/probe-http.ts', code: "import { DomainError } from '../http/domain-error';\nexport const probe = DomainError;\n", fails: /below the HTTP layer/ },
  { name: 'a library imports an app', file: 'libs/temporal/probe-apps.ts', code: "import { AppModule } from '@apps/api/app.module';\nexport const probe = AppModule;\n", fails: /must not import them/ },
  { name: 'the domain does I/O', file: 'libs/domain/probe-io.ts', code: "import { Client } from 'pg';\nexport const probe = Client;\n", fails: /pure/ },
  { name: 'a workflow imports persistence', file: 'workflows/approval/probe-persistence.ts', code: "import { RecordStore } from '@libs/persistence/record.store';\nexport const probe = RecordStore;\n", fails: /only the pure shared code/ },
  { name: 'a workflow imports a Node built-in', file: 'workflows/approval/probe-node.ts', code: "import { readFileSync } from 'node:fs';\nexport const probe = readFileSync;\n", fails: /Node built-ins/ },
  { name: 'a workflow imports an activity as a value', file: 'workflows/approval/probe-activity.ts', code: "import { createApprovalActivities } from '@activities/approval.activities';\nexport const probe = createApprovalActivities;\n", fails: /import type/ },
  { name: 'a function runs over 80 lines', file: 'libs/domain/probe-long.ts', code: `export function probe(): number {\n  let n = 0;\n${'  n += 1;\n'.repeat(80)}  return n;\n}\n`, fails: /too many lines/ },
  // The arrows that do exist.
  { name: 'a workflow imports an activity as a type', file: 'workflows/approval/probe-activity-type.ts', code: "import type { ApprovalActivities } from '@activities/approval.activities';\nexport type Probe = ApprovalActivities;\n" },
  { name: 'a workflow imports the contracts and the domain', file: 'workflows/approval/probe-pure.ts', code: "import { decideUpdate } from '@libs/contracts/approval.contract';\nimport { durationToMs } from '@libs/domain/duration';\nexport const probe = [decideUpdate, durationToMs];\n" },
  { name: 'the API reads through persistence', file: 'apps/api/proposals/probe-persistence.ts', code: "import { RecordStore } from '@libs/persistence/record.store';\nexport const probe = RecordStore;\n" },
  { name: 'a test of the API uses dev tooling', file: 'apps/api/proposals/probe-devstack.spec.ts', code: "import { freePort } from '@libs/devstack/ports';\nexport const probe = freePort;\n" },
];

describe('the layers’ boundaries (eslint.config.mjs)', () => {
  const messagesOf = new Map<string, Linter.LintMessage[]>();

  beforeAll(() => {
    const run = spawnSync(process.execPath, [join(__dirname, 'lint-probes.mjs')], { input: JSON.stringify(PROBES), encoding: 'utf8', maxBuffer: 16 << 20 });
    if (run.status !== 0) throw new Error(`lint-probes.mjs failed: ${run.stderr}`);
    const results = JSON.parse(run.stdout) as { file: string; messages: Linter.LintMessage[] }[];
    for (const probe of PROBES) messagesOf.set(probe.name, results.find((r) => r.file === probe.file)!.messages);
  });

  const boundaryMessages = (name: string) =>
    messagesOf.get(name)!.filter((m) => m.fatal || m.ruleId === '@typescript-eslint/no-restricted-imports' || m.ruleId === 'max-lines-per-function');

  it.each(PROBES.filter((p) => p.fails).map((p) => [p.name, p.fails!] as const))('fails lint when %s', (name, reason) => {
    const messages = boundaryMessages(name);
    expect(messages).toHaveLength(1);
    expect(messages[0].fatal).toBeFalsy();
    expect(messages[0].message).toMatch(reason);
  });

  it.each(PROBES.filter((p) => !p.fails).map((p) => [p.name] as const))('allows it when %s', (name) => {
    expect(boundaryMessages(name)).toEqual([]);
  });
});
