import { loadavg } from 'node:os';
import { chromium, type Browser, type CDPSession } from 'playwright-core';
import type { Machine } from '../lib/machine';
import { percentile } from '../lib/stats';

/** The phone the figures stand for: Chrome DevTools' "Fast 3G" link and a CPU four times slower. */
export const SLOW_PHONE = {
  /** Added to every request's round trip, in ms. */
  latencyMs: 150,
  /** Download and upload, in bits per second. */
  downloadBps: 1_600_000,
  uploadBps: 750_000,
  cpuSlowdown: 4,
} as const;
/** First contentful paint of /masuk on the slow phone: the target. */
export const CEILING_MS = 2500;

export interface LoadSample {
  /** first-contentful-paint (performance paint entry), ms from navigation start. */
  fcpMs: number;
  /** Bytes over the wire (headers and bodies as sent) until the page was idle. */
  transferredBytes: number;
  /** Bytes of the bodies once unpacked. */
  decodedBytes: number;
  requests: number;
  /** Content-Encoding of the responses, with their count. */
  encodings: Record<string, number>;
}

export interface VariantResult {
  variant: 'compressed' | 'uncompressed';
  acceptEncoding: string;
  samples: LoadSample[];
  fcp: { p50: number; p90: number; min: number; max: number };
  transferredBytes: number;
  decodedBytes: number;
}

export interface FirstPaintResult {
  chromium: string;
  /** The machine's 1-minute load average before and after the loads (it is shared; CPU-bound figures drift with it). */
  loadAverage: { before: number; after: number };
  loads: number;
  phone: typeof SLOW_PHONE;
  variants: VariantResult[];
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Cold loads of /masuk (a new browser context each: empty cache, no storage) on the slow phone, the
 * app as served (compressed, the browser accepting gzip and brotli) and the peer: the same server
 * and build with the browser accepting no encoding, so every byte goes as is. Loads alternate between
 * the two so that drift of the shared machine falls on both alike; one warm-up load of each is dropped.
 */
export async function firstPaint(baseUrl: string, loads: number, onLoad: (done: number, total: number) => void): Promise<FirstPaintResult> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  try {
    const variants = [
      { variant: 'compressed' as const, acceptEncoding: 'gzip, deflate, br, zstd' },
      { variant: 'uncompressed' as const, acceptEncoding: 'identity' },
    ];
    const samples = new Map<string, LoadSample[]>(variants.map((v) => [v.variant, []]));
    const before = loadavg()[0];
    for (const v of variants) await coldLoad(browser, baseUrl, v.acceptEncoding);
    for (let i = 0; i < loads; i++) {
      for (const v of variants) samples.get(v.variant)!.push(await coldLoad(browser, baseUrl, v.acceptEncoding));
      onLoad(i + 1, loads);
    }
    return {
      chromium: browser.version(),
      loadAverage: { before: Math.round(before * 10) / 10, after: Math.round(loadavg()[0] * 10) / 10 },
      loads,
      phone: SLOW_PHONE,
      variants: variants.map((v) => summarize(v.variant, v.acceptEncoding, samples.get(v.variant)!)),
    };
  } finally {
    await browser.close();
  }
}

async function coldLoad(browser: Browser, baseUrl: string, acceptEncoding: string): Promise<LoadSample> {
  // The browser's own Accept-Encoding is replaced by the one given (identity: the peer without compression).
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'id-ID', timezoneId: 'Asia/Jakarta', viewport: { width: 390, height: 844 }, extraHTTPHeaders: { 'accept-encoding': acceptEncoding } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const wire = await watchTransfers(cdp);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: SLOW_PHONE.latencyMs,
      downloadThroughput: SLOW_PHONE.downloadBps / 8,
      uploadThroughput: SLOW_PHONE.uploadBps / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW_PHONE.cpuSlowdown });
    await page.goto('/masuk', { waitUntil: 'load' });
    await page.waitForFunction(() => (globalThis as unknown as { performance: { getEntriesByName(n: string): unknown[] } }).performance.getEntriesByName('first-contentful-paint').length > 0, undefined, { timeout: 60_000 });
    // The page is done once the people to pick from are listed (its last requests).
    await page.locator('#person').waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const fcpMs = await page.evaluate(() => (globalThis as unknown as { performance: { getEntriesByName(n: string): { startTime: number }[] } }).performance.getEntriesByName('first-contentful-paint')[0].startTime);
    return { fcpMs: Math.round(fcpMs), ...wire() };
  } finally {
    await context.close();
  }
}

/** Sums what the DevTools protocol reports for each finished request of the page. */
async function watchTransfers(cdp: CDPSession): Promise<() => Omit<LoadSample, 'fcpMs'>> {
  await cdp.send('Network.enable');
  const encodingOf = new Map<string, string>();
  const decodedOf = new Map<string, number>();
  let transferredBytes = 0;
  let requests = 0;
  cdp.on('Network.responseReceived', (e) => {
    const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    encodingOf.set(e.requestId, headers['content-encoding'] ?? 'none');
  });
  cdp.on('Network.dataReceived', (e) => decodedOf.set(e.requestId, (decodedOf.get(e.requestId) ?? 0) + e.dataLength));
  cdp.on('Network.loadingFinished', (e) => {
    transferredBytes += e.encodedDataLength;
    requests++;
  });
  return () => {
    const encodings: Record<string, number> = {};
    for (const enc of encodingOf.values()) encodings[enc] = (encodings[enc] ?? 0) + 1;
    const decodedBytes = [...decodedOf.values()].reduce((a, b) => a + b, 0);
    return { transferredBytes, decodedBytes, requests, encodings };
  };
}

function summarize(variant: VariantResult['variant'], acceptEncoding: string, samples: LoadSample[]): VariantResult {
  const fcps = samples.map((s) => s.fcpMs).sort((a, b) => a - b);
  const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);
  return {
    variant,
    acceptEncoding,
    samples,
    fcp: { p50: percentile(fcps, 50), p90: percentile(fcps, 90), min: fcps[0], max: fcps.at(-1)! },
    transferredBytes: median(samples.map((s) => s.transferredBytes)),
    decodedBytes: median(samples.map((s) => s.decodedBytes)),
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

/** The section of docs/BENCHMARKS.md. */
export function firstPaintTable(m: Machine, r: FirstPaintResult, raw: string): string {
  const compressed = r.variants.find((v) => v.variant === 'compressed')!;
  const lines = [
    `Measured ${m.date.slice(0, 10)} on ${m.cpu} (${m.cores} cores, ${m.memoryGiB} GiB), ${m.os}, Node ${m.node}, Chromium ${r.chromium}.`,
    `Raw results: \`${raw}\`. ${r.loads} cold loads of \`/masuk\` per row (new browser context each: empty cache), alternating between the rows, after one warm-up load each; ` +
      `Fast 3G through the DevTools protocol (\`Network.emulateNetworkConditions\`: ${SLOW_PHONE.latencyMs} ms added latency, ${SLOW_PHONE.downloadBps / 1e6} Mbit/s down, ${SLOW_PHONE.uploadBps / 1e3} kbit/s up) ` +
      `and the CPU ${SLOW_PHONE.cpuSlowdown}× slower (\`Emulation.setCPUThrottlingRate\`), 390×844 viewport. First contentful paint from the page's \`performance\` paint entry; ` +
      'bytes as the protocol counts them on the wire (headers included) until the page is idle, and once unpacked. ' +
      `Load average of the shared machine: ${r.loadAverage.before} before, ${r.loadAverage.after} after (${m.cores} cores).`,
    '',
    '| served | Accept-Encoding | first contentful paint p50 | p90 | min–max | target | transferred | unpacked | requests | encodings |',
    '|---|---|---:|---:|---:|---|---:|---:|---:|---|',
    ...r.variants.map((v) => {
      const s = v.samples[0];
      const encodings = Object.entries(s?.encodings ?? {})
        .map(([k, n]) => `${k} ×${n}`)
        .join(', ');
      const target = `≤ ${CEILING_MS / 1000} s: ${v.fcp.p90 <= CEILING_MS ? 'met' : v.fcp.p50 <= CEILING_MS ? 'met at p50, missed at p90' : 'missed'}`;
      return `| ${v.variant === 'compressed' ? 'compressed (as deployed)' : 'uncompressed (peer)'} | \`${v.acceptEncoding}\` | ${v.fcp.p50} ms | ${v.fcp.p90} ms | ${v.fcp.min}–${v.fcp.max} ms | ${target} | ${kb(v.transferredBytes)} | ${kb(v.decodedBytes)} | ${s?.requests ?? 0} | ${encodings} |`;
    }),
  ];
  const plain = r.variants.find((v) => v.variant === 'uncompressed');
  if (plain && compressed.transferredBytes > 0)
    lines.push('', `Compression sends ${Math.round((100 * compressed.transferredBytes) / plain.transferredBytes)}% of the bytes and paints ${Math.round(plain.fcp.p50 - compressed.fcp.p50)} ms sooner at the median.`);
  return lines.join('\n');
}
