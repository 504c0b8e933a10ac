/** A failed call, with the service's error body (message / messageVi) when it sent one. */
export class DemoHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: { message?: unknown; messageVi?: string; code?: string } | undefined,
    what: string,
  ) {
    super(`${what}: ${status} ${body?.code ?? ''} ${formatMessage(body?.message)}`.trim());
  }
}

function formatMessage(message: unknown): string {
  return Array.isArray(message) ? message.join('; ') : String(message ?? '');
}

export interface CallOptions {
  method?: 'GET' | 'POST';
  token: string;
  body?: unknown;
  form?: FormData;
  idempotencyKey?: string;
}

export async function call<T>(url: string, options: CallOptions): Promise<T> {
  const headers: Record<string, string> = { authorization: `Bearer ${options.token}`, accept: 'application/json' };
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  let body: FormData | string | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(url, { method: options.method ?? (body ? 'POST' : 'GET'), headers, body });
  const text = await response.text();
  const parsed = text ? (safeJson(text) as T & { message?: unknown }) : undefined;
  if (!response.ok) throw new DemoHttpError(response.status, parsed as DemoHttpError['body'], `${options.method ?? (body ? 'POST' : 'GET')} ${new URL(url).pathname}`);
  return parsed as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { message: text.slice(0, 200) };
  }
}

export async function isUp(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Polls `probe` until it returns a value, as a person refreshes a page until the next step shows up:
 * `undefined` (the resource is there but not in the awaited state yet) and 404/403 (not there yet: the
 * events are still travelling) keep waiting; other errors stop. Gives up after `timeoutMs` with a message
 * naming what it waited for and the last answer it got.
 */
export async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let delay = 150;
  let lastAnswer = 'no answer yet';
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
      lastAnswer = 'there, but not in the awaited state';
    } catch (error) {
      if (!(error instanceof DemoHttpError && (error.status === 404 || error.status === 403))) throw error;
      lastAnswer = error.message;
    }
    if (Date.now() > deadline) throw new Error(`gave up after ${Math.round(timeoutMs / 1000)} s waiting for ${what} (last answer: ${lastAnswer})`);
    await sleep(delay);
    delay = Math.min(1_000, Math.round(delay * 1.5));
  }
}
