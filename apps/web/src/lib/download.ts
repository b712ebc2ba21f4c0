import { tokenStore } from './api';
import { ApiError } from './errors';

/** The file name the API gives in Content-Disposition, or a fallback. */
export const fileNameOf = (header: string | null, fallback: string) => /filename="([^"]+)"/.exec(header ?? '')?.[1] ?? fallback;

/**
 * Fetches a file the API makes (a PDF, a CSV) with the reader's token, which a plain link would not
 * carry, and saves it under the name the API gives. A refusal is thrown as the API's error.
 */
export async function downloadFile(path: string, accept: string, fallbackName: string): Promise<void> {
  const token = tokenStore.get();
  let res: Response;
  try {
    res = await fetch(path, { headers: { accept, ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  } catch {
    throw new ApiError(0, 'NETWORK', 'network', null, null);
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { code?: string; message?: string; details?: unknown; correlationId?: string };
    throw new ApiError(res.status, body.code ?? 'ERROR', body.message ?? res.statusText, body.details ?? null, body.correlationId ?? null);
  }
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(res.headers.get('content-disposition'), fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has the file once the click is handled; free the blob a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
