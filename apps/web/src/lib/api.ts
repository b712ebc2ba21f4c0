/** The JSON API on the same origin, with the signed-in person's bearer token. */

export interface FieldError {
  field: string;
  messages: string[];
}

/** The API's one error shape: `{ statusCode, error, code, message, details?, correlationId }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
    readonly correlationId: string | null,
  ) {
    super(message);
  }

  /** Field-level messages (422 VALIDATION_FAILED and friends), keyed by field path. */
  get fields(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    if (Array.isArray(this.details)) {
      for (const d of this.details as Partial<FieldError>[]) {
        if (typeof d?.field === 'string' && Array.isArray(d.messages)) out[d.field] = [...(out[d.field] ?? []), ...d.messages];
      }
    }
    return out;
  }
}

const TOKEN_KEY = 'estafet.token';
export const tokenStore = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string | null) => (token ? sessionStorage.setItem(TOKEN_KEY, token) : sessionStorage.removeItem(TOKEN_KEY)),
};

let onUnauthorized: () => void = () => undefined;
/** What to do when the token is refused (expired): the app signs out. */
export const handleUnauthorized = (fn: () => void) => {
  onUnauthorized = fn;
};

export async function api<T>(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
  const token = tokenStore.get();
  if (token) headers.authorization = `Bearer ${token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  } catch {
    throw new ApiError(0, 'NETWORK', 'network', null, null);
  }
  const text = await res.text();
  const data: unknown = text ? safeJson(text) : null;
  if (!res.ok) {
    const e = (data ?? {}) as { code?: string; message?: string; details?: unknown; correlationId?: string };
    if (res.status === 401 && token) onUnauthorized();
    throw new ApiError(res.status, e.code ?? 'ERROR', e.message ?? res.statusText, e.details ?? null, e.correlationId ?? null);
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
