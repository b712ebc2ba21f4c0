import type { DataSource } from 'typeorm';
import { benchOrg, benchTemplate, proposalBody } from '../lib/bench-org';
import { expectCall, sleep } from '../lib/http';
import { cpuPerUnit, cpuShare, cpuSnapshot, processUsage } from '../lib/process-usage';
import { note, Progress } from '../lib/progress';
import type { BenchApi } from '../lib/stack';
import { latency, Latency } from '../lib/stats';

export interface MemorySample {
  openApprovals: number;
  rssMiB: number | null;
}

export interface WaitingResult {
  approvals: number;
  /** The worker's workflow cache (maxCachedWorkflows) during the run. */
  workflowCache: number;
  submitSeconds: number;
  /** Worker memory as the number of waiting approvals grew (sampled once each level was reached and settled). */
  memory: MemorySample[];
  /** At rest: every approval waiting on a person, nothing due. */
  rest: { rssMiB: number | null; cpuCores: number | null; sampleSeconds: number };
  escalation: {
    /** Spread of the due times (last due − first due). */
    dueSpreadSeconds: number;
    /** From the last due time until the last escalation was recorded. */
    secondsAfterLastDue: number;
    /** Per approval: recorded − due, in milliseconds. */
    lateness: Latency;
    /** Escalations recorded within 60 s of their due time. */
    within60s: number;
    escalated: number;
    peakRssMiB: number | null;
    /** CPU milliseconds per escalation in each process while the deadlines were handled (Temporal, worker, this process, all Postgres). */
    cpuMsPerEscalation?: Record<string, number | null>;
  };
}

/**
 * Workload 4: `n` approvals wait on one official (submitted through the API) while the worker's memory
 * and CPU are sampled; their deadlines are set to fall together (each submission picks a template whose
 * SLA ends at the same moment), and the clock runs until every escalation is recorded.
 */
export async function waiting(ds: DataSource, api: BenchApi, pids: { worker: number; temporal: number }, n: number, workflowCache: number, marginMs: number): Promise<WaitingResult> {
  const org = await benchOrg(ds, 'Uji Eskalasi', 2);
  const proposer = await api.tokenFor(org.proposerNip);
  const templates = new Map<number, Promise<string>>();
  /** A template whose one stage is due `sla` seconds after it opens, escalating to the superior post. */
  const templateFor = (sla: number) => {
    if (!templates.has(sla)) {
      templates.set(sla, benchTemplate(ds, `bench-wait-${org.suffix}-${sla}`, `Eskalasi serentak ${sla} dtk`, [
        { key: 'kasi', name: 'Tahap tunggu', approvers: [{ kind: 'position', positionId: org.posts[0] }], mode: 'any', sla: `PT${sla}S`, onTimeout: { action: 'escalate-superior', maxEscalations: 1 } },
      ]));
    }
    return templates.get(sla)!;
  };
  const openCount = async () =>
    Number((await ds.query<{ n: string }[]>(`SELECT COUNT(*) AS n FROM approval_task WHERE status = 'open' AND position_id = $1`, [org.posts[0]]))[0].n);

  // Measure the submission rate on a small batch to place the common deadline after the last submission.
  const submitOne = async (i: number, dueAt: number) => {
    const sla = Math.max(5, Math.round((dueAt - Date.now()) / 1000));
    await expectCall(201, api.baseUrl, proposer, 'POST', '/api/proposals', proposalBody(`Usulan menunggu ${i + 1}`, await templateFor(sla)));
  };
  const memory: MemorySample[] = [{ openApprovals: 0, rssMiB: processUsage(pids.worker)?.rssMiB ?? null }];
  const checkpoints = [0.1, 0.25, 0.5, 1].map((f) => Math.round(f * n));
  const concurrency = 16;
  const probe = Math.min(200, Math.round(n / 10));
  const started = Date.now();
  let next = 0;
  // A task's SLA counts from its stage's opening, not from the submission: submissions are held back
  // while more than `ahead` stages wait to open, so that every due time lands on the common deadline.
  const ahead = 32;
  let opened = 0;
  let polling = true;
  const poller = (async () => {
    while (polling) {
      opened = await openCount();
      await sleep(250);
    }
  })();
  const submitAll = async (upTo: number, dueAt: number, progress: Progress) => {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < upTo) {
          while (next - opened > ahead) await sleep(50);
          // Another loop may have taken the last one meanwhile.
          if (next >= upTo) break;
          const i = next++;
          await submitOne(i, dueAt);
          progress.update(next, n);
        }
      }),
    );
  };
  const progress = new Progress(`  submitting ${n} approvals that will wait`);
  await submitAll(probe, Date.now() + 3_600_000, progress);
  const rate = probe / ((Date.now() - started) / 1000);
  // The probe's approvals wait an hour: they stay open through the run, and are not part of the escalation.
  // Submissions slow down as open approvals pile up (to about half the probe's rate at 10k): three times
  // the probe's estimate keeps every submission before the common deadline.
  const dueAt = Date.now() + Math.round(((n - probe) / rate) * 3 * 1000) + marginMs;
  note(`submission rate ${rate.toFixed(1)}/s: the common deadline is ${new Date(dueAt).toISOString()}`);
  for (const checkpoint of checkpoints) {
    await submitAll(checkpoint, dueAt, progress);
    // Let the stages open (activities) before sampling.
    while ((await openCount()) < checkpoint) await sleep(200);
    memory.push({ openApprovals: checkpoint, rssMiB: processUsage(pids.worker)?.rssMiB ?? null });
  }
  polling = false;
  await poller;
  const submitSeconds = Math.round((Date.now() - started) / 100) / 10;
  progress.done(`${n} approvals waiting after ${submitSeconds} s (worker RSS ${memory.at(-1)?.rssMiB} MiB)`);
  if (Date.now() > dueAt - 30_000) note('WARNING: submission ran close to the common deadline; the rest figures are shorter');

  // At rest: nothing due until the common deadline.
  await sleep(Math.min(15_000, Math.max(0, dueAt - Date.now() - marginMs / 2)));
  const sampleSeconds = Math.max(5, Math.min(20, Math.floor((dueAt - Date.now() - 5_000) / 1000)));
  const cpuCores = await cpuShare(pids.worker, sampleSeconds * 1000);
  const rest = { rssMiB: processUsage(pids.worker)?.rssMiB ?? null, cpuCores, sampleSeconds };
  note(`at rest: worker RSS ${rest.rssMiB} MiB, CPU ${cpuCores} cores over ${sampleSeconds} s`);

  const [{ first, last }] = await ds.query<{ first: Date; last: Date }[]>(
    `SELECT min(due_at) AS first, max(due_at) AS last FROM approval_task WHERE position_id = $1 AND status = 'open' AND due_at < now() + interval '30 minutes'`,
    [org.posts[0]],
  );
  const expected = n - probe;
  const cpuBefore = cpuSnapshot(pids);
  const escalating = new Progress(`  ${expected} deadlines falling at once`);
  let peakRss = 0;
  const escalatedCount = async () =>
    Number((await ds.query<{ n: string }[]>(`SELECT COUNT(*) AS n FROM approval_task WHERE position_id = $1 AND status = 'escalated'`, [org.posts[0]]))[0].n);
  for (;;) {
    const done = await escalatedCount();
    peakRss = Math.max(peakRss, processUsage(pids.worker)?.rssMiB ?? 0);
    escalating.update(done, expected);
    if (done >= expected) break;
    if (Date.now() > new Date(last).getTime() + 600_000) throw new Error(`only ${done} of ${expected} escalations after 10 minutes`);
    await sleep(500);
  }
  const cpuMsPerEscalation = cpuPerUnit(cpuBefore, cpuSnapshot(pids), expected);
  const rows = await ds.query<{ late: string }[]>(
    `SELECT EXTRACT(EPOCH FROM (e.recorded_at - t.due_at)) * 1000 AS late
       FROM approval_task t JOIN history_event e ON e.proposal_id = t.proposal_id AND e.type = 'task.escalated'
      WHERE t.position_id = $1 AND t.status = 'escalated'`,
    [org.posts[0]],
  );
  const lateness = rows.map((r) => Number(r.late));
  const result: WaitingResult = {
    approvals: n,
    workflowCache,
    submitSeconds,
    memory,
    rest,
    escalation: {
      dueSpreadSeconds: Math.round((new Date(last).getTime() - new Date(first).getTime()) / 100) / 10,
      secondsAfterLastDue: 0,
      lateness: latency(lateness),
      within60s: lateness.filter((l) => l <= 60_000).length,
      escalated: lateness.length,
      peakRssMiB: peakRss || null,
      cpuMsPerEscalation,
    },
  };
  const [{ lastAt }] = await ds.query<{ lastAt: Date }[]>(
    `SELECT max(e.recorded_at) AS "lastAt" FROM history_event e JOIN approval_task t ON t.proposal_id = e.proposal_id WHERE t.position_id = $1 AND e.type = 'task.escalated'`,
    [org.posts[0]],
  );
  result.escalation.secondsAfterLastDue = Math.round((new Date(lastAt).getTime() - new Date(last).getTime()) / 100) / 10;
  escalating.done(`${result.escalation.escalated} escalations, the last ${result.escalation.secondsAfterLastDue} s after the last due time; p99 lateness ${result.escalation.lateness.p99} ms`);
  return result;
}
