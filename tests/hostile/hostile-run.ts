import { randomUUID } from 'node:crypto';
import type { Role } from '@bcci/auth';
import type { E2eStack } from '../support/e2e-stack';
import { fixedCases, probeCase, randomCases, seededRandom, type HostileCase } from './hostile-cases';
import { documentedRoutes, type DocumentedRoute } from './openapi-routes';
import { takeWriteSnapshot, writesBetween, type WriteSnapshot } from './write-snapshot';

/** An error answer must stay readable whatever was sent: issue 10 saw 49 MB answers to 400 KB requests. */
export const MAX_ANSWER_BYTES = 16 * 1024;

export interface HostileFinding {
  readonly service: string;
  readonly request: string;
  readonly status: number;
  readonly bytes: number;
  readonly detail: string;
}

export interface HostileReport {
  readonly seed: number;
  readonly routes: number;
  readonly requests: number;
  readonly statusCounts: Record<string, number>;
  /** 401 answers on routes that need a token: the probe did not find a role that passes the access check. */
  readonly unauthorizedOnGuardedRoutes: number;
  /** 5xx answers, or no answer at all. */
  readonly failures: HostileFinding[];
  /** Malformed requests that were not refused (2xx or 3xx). */
  readonly accepted: HostileFinding[];
  /** Answers above MAX_ANSWER_BYTES. */
  readonly oversized: HostileFinding[];
  /** 4xx answers (other than 401, 403, 404 and 405) without a JSON body carrying messageVi. */
  readonly unreadable: HostileFinding[];
  /** Rows and messages that changed while only malformed requests were sent. */
  readonly writes: string[];
  /** Services not ready (/ready 200) after the run. */
  readonly notReady: string[];
}

export interface HostileRunOptions {
  readonly seed: number;
  /** Random cases per JSON route, on top of the fixed catalogue. */
  readonly randomRounds: number;
  /** Only these services (default: every running one). */
  readonly services?: readonly string[];
  readonly onProgress?: (message: string) => void;
}

interface Answer {
  status: number;
  bytes: number;
  text: string;
}

async function send(request: HostileCase, token: string | undefined): Promise<Answer> {
  const headers: Record<string, string> = { 'idempotency-key': randomUUID() };
  if (token) headers.authorization = `Bearer ${token}`;
  if (request.contentType) headers['content-type'] = request.contentType;
  try {
    const response = await fetch(`${request.route.baseUrl}${request.target}`, {
      method: request.route.method,
      headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      signal: AbortSignal.timeout(30_000),
    });
    const body = Buffer.from(await response.arrayBuffer());
    return { status: response.status, bytes: body.length, text: body.subarray(0, 4 * MAX_ANSWER_BYTES).toString('utf8') };
  } catch (error) {
    return { status: 0, bytes: 0, text: `no answer: ${(error as Error).message}` };
  }
}

/**
 * The role whose token gets past the route's access check, so the malformed requests reach its input
 * handling (a 401 or 403 proves nothing about validation). Undefined for a public route.
 */
async function roleFor(route: DocumentedRoute, probe: HostileCase, tokens: Record<Role, string>): Promise<Role | undefined> {
  const anonymous = await send(probe, undefined);
  if (anonymous.status !== 401) return undefined;
  for (const role of Object.keys(tokens) as Role[]) {
    const answer = await send(probe, tokens[role]);
    if (answer.status !== 401 && answer.status !== 403) return role;
  }
  return (Object.keys(tokens) as Role[]).find((role) => role === 'operations');
}

function readable(answer: Answer): boolean {
  if ([401, 403, 404, 405].includes(answer.status)) return true;
  try {
    const body = JSON.parse(answer.text) as { messageVi?: unknown };
    return typeof body.messageVi === 'string' && body.messageVi.length > 0;
  } catch {
    return false;
  }
}

export async function runHostileInput(stack: E2eStack, options: HostileRunOptions): Promise<HostileReport> {
  const progress = options.onProgress ?? (() => undefined);
  const services = stack.services.filter((name) => !options.services || options.services.includes(name));
  const routes = (await Promise.all(services.map((name) => documentedRoutes(name, stack.urls[name]!)))).flat();
  const random = seededRandom(options.seed);
  const before: WriteSnapshot = await takeWriteSnapshot(stack);
  const statusCounts: Record<string, number> = {};
  const findings = { failures: [] as HostileFinding[], accepted: [] as HostileFinding[], oversized: [] as HostileFinding[], unreadable: [] as HostileFinding[] };
  let requests = 0;
  let unauthorizedOnGuardedRoutes = 0;
  for (const route of routes) {
    const cases = [...fixedCases(route), ...randomCases(route, options.randomRounds, random)];
    if (cases.length === 0) continue;
    const role = route.public ? undefined : await roleFor(route, probeCase(route), stack.tokens);
    for (const request of cases) {
      const answer = await send(request, role ? stack.tokens[role] : undefined);
      requests++;
      statusCounts[String(answer.status)] = (statusCounts[String(answer.status)] ?? 0) + 1;
      if (answer.status === 401 && !route.public) unauthorizedOnGuardedRoutes++;
      const finding = (detail: string): HostileFinding => ({
        service: route.service,
        request: `${route.method} ${request.target.slice(0, 120)} (${request.name}${role ? `, as ${role}` : ''})`,
        status: answer.status,
        bytes: answer.bytes,
        detail,
      });
      if (answer.status === 0 || answer.status >= 500) findings.failures.push(finding(answer.text.slice(0, 300)));
      else if (request.mustRefuse && answer.status < 400) findings.accepted.push(finding(answer.text.slice(0, 300)));
      if (answer.bytes > MAX_ANSWER_BYTES) findings.oversized.push(finding(`${answer.bytes} bytes`));
      if (answer.status >= 400 && answer.status < 500 && !readable(answer)) findings.unreadable.push(finding(answer.text.slice(0, 300)));
    }
    progress(`${route.service} ${route.method} ${route.path}: ${cases.length} requests${role ? ` as ${role}` : ''}`);
  }
  const after = await takeWriteSnapshot(stack);
  const notReady: string[] = [];
  for (const name of services) {
    const ready = await fetch(`${stack.urls[name]}/ready`).then((r) => r.status, () => 0);
    if (ready !== 200) notReady.push(`${name} (/ready ${ready})`);
  }
  return { seed: options.seed, routes: routes.length, requests, statusCounts, unauthorizedOnGuardedRoutes, ...findings, writes: writesBetween(before, after), notReady };
}

/** The one line a person reads first. */
export function figureLine(report: HostileReport): string {
  return (
    `hostile input: ${report.requests} malformed requests over ${report.routes} routes (seed ${report.seed}): ` +
    `${report.failures.length} 5xx, ${report.accepted.length} accepted, ${report.oversized.length} oversized answers, ` +
    `${report.unreadable.length} unreadable errors, ${report.writes.length} writes, ${report.notReady.length} services not ready`
  );
}
