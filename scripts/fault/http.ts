/** What one HTTP request came to: a status, or no answer in time, or a dropped connection. */
export type Outcome = number | 'timeout' | 'network-error';

/** One request as the client saw it. */
export interface Sample {
  op: string;
  start: number;
  end: number;
  status: Outcome;
  /** The first attempt of a step (not a retry). */
  first: boolean;
  code?: string;
  correlationId?: string;
}

export interface Answer<T> {
  status: Outcome;
  body: T;
  sample: Sample;
}

export interface ErrorBody {
  code?: string;
  message?: string;
  correlationId?: string;
}

/** Retried by the client: no answer, or a 5xx (503 is what an outage should give; anything else is recorded as a violation). */
export const retryable = (status: Outcome) => typeof status !== 'number' || status >= 500;

/** A JSON client for the API that records every request it makes, with its timing and outcome. */
export class FaultHttp {
  readonly samples: Sample[] = [];

  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
    private readonly onSample: (sample: Sample) => void = () => undefined,
  ) {}

  async once<T>(
    op: string,
    token: string | null,
    method: string,
    path: string,
    options: { body?: unknown; headers?: Record<string, string>; first?: boolean } = {},
  ): Promise<Answer<T>> {
    const start = Date.now();
    let status: Outcome;
    let body: unknown = null;
    try {
      const res = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...options.headers,
        },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const text = await res.text();
      status = res.status;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        body = text;
      }
    } catch (err) {
      status = (err as { name?: string }).name === 'TimeoutError' ? 'timeout' : 'network-error';
    }
    const error = (body ?? {}) as ErrorBody;
    const sample: Sample = {
      op,
      start,
      end: Date.now(),
      status,
      first: options.first ?? true,
      ...(typeof status === 'number' && status >= 400 ? { code: error.code, correlationId: error.correlationId } : {}),
    };
    this.samples.push(sample);
    this.onSample(sample);
    return { status, body: body as T, sample };
  }
}
