/** One JSON request against the API; returns the status and the parsed body. */
export async function call<T = unknown>(baseUrl: string, token: string | null, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/** Like `call`, but throws unless the status is the expected one. */
export async function expectCall<T = unknown>(expected: number, ...args: Parameters<typeof call>): Promise<T> {
  const res = await call<T>(...args);
  if (res.status !== expected) throw new Error(`${args[2]} ${args[3]}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
