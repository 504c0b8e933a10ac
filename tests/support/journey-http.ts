import http from 'node:http';
import { issueDevToken, type DevTokenRequest } from '@bcci/auth';
import type { E2eStack } from './e2e-stack';
import { systemClock } from '@bcci/kernel';

/**
 * A response body: JSON whose shape each test asserts itself (toMatchObject), so it is left open here.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type JsonBody = any;

export interface HttpAnswer<T = JsonBody> {
  status: number;
  body: T;
  text: string;
}

let callsMade = 0;
/** HTTP calls made through `call` in this process so far (the bench counts what a journey costs). */
export function httpCallsMade(): number {
  return callsMade;
}

/** One HTTP call to a service of the stack, as a clerk, operator, courier or agency system makes it. */
export async function call<T = JsonBody>(
  stack: E2eStack,
  service: string,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<HttpAnswer<T>> {
  const base = stack.urls[service];
  if (!base) throw new Error(`service ${service} does not run in this stack (${stack.services.join(', ')})`);
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | FormData | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  callsMade++;
  const { status, text } = await send(new URL(`${base}${path}`), method, headers, body);
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status, body: parsed as T, text };
}

/**
 * Kept-alive connections to the stack's services, shared by every call of the process. node:http rather
 * than fetch: the benchmark runs on the machine it measures, and a fetch cost its client about 0.3 ms of
 * CPU per call against 0.1 ms (docs/benchmarks.md). Idle sockets do not keep the process alive (the
 * agent unrefs them), and the services keep idle connections longer than clients do.
 */
const keptAlive = new http.Agent({ keepAlive: true, maxSockets: 256 });
const CALL_TIMEOUT_MS = 30_000;

async function send(url: URL, method: string, headers: Record<string, string>, body: string | FormData | undefined): Promise<{ status: number; text: string }> {
  let bytes: Buffer | undefined;
  if (body instanceof FormData) {
    // The multipart encoding (boundary and all) as fetch would send it.
    const encoded = new Response(body);
    headers['content-type'] = encoded.headers.get('content-type')!;
    bytes = Buffer.from(await encoded.arrayBuffer());
  } else if (body !== undefined) bytes = Buffer.from(body, 'utf8');
  if (bytes) headers['content-length'] = String(bytes.length);
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers, agent: keptAlive }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.setTimeout(CALL_TIMEOUT_MS, () => request.destroy(new Error(`${method} ${url.pathname}: no answer within ${CALL_TIMEOUT_MS / 1000} s`)));
    request.on('error', reject);
    request.end(bytes);
  });
}

/** The same call, which must answer `expected` (the error names the call and shows the body otherwise). */
export async function expectCall<T = JsonBody>(
  expected: number | number[],
  stack: E2eStack,
  service: string,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
  const answer = await call<T>(stack, service, method, path, options);
  const allowed = Array.isArray(expected) ? expected : [expected];
  if (!allowed.includes(answer.status)) {
    throw new Error(`${method} ${service}${path} answered ${answer.status}, expected ${allowed.join(' or ')}: ${answer.text.slice(0, 1500)}`);
  }
  return answer.body;
}

/** A token of the stack's development issuer with any role and scope (e.g. a courier of another postal point). */
export function tokenFor(stack: E2eStack, request: DevTokenRequest): string {
  return issueDevToken(request, stack.stack.authJwtSecret);
}

/** An instant as couriers' devices report it (RFC 3339 in Vietnam time, with milliseconds). */
export function vietnamTimestamp(at: Date = systemClock.now()): string {
  const local = new Date(at.getTime() + 7 * 3600_000);
  return `${local.toISOString().slice(0, 23)}+07:00`;
}
