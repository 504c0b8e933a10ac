import { performance } from 'node:perf_hooks';
import { issueDevToken } from '@bcci/auth';
import { EventType, topicFor } from '@bcci/contracts';
import { EventReader, subjectOf, typeOf } from '../../support/event-reader';
import { bcciProcedureFor, idempotencyKey, registerDossierBody, REGISTER_DOSSIER_PATH } from '../../support/intake-requests';
import type { BenchHttpClient } from '../http-client';
import type { BenchContext } from '../bench-phase';
import { systemClock } from '@bcci/kernel';

let sequence = Math.floor(Math.random() * 900_000);

export interface Registration {
  status: number;
  /** From sending the request (or its scheduled time) to the whole answer. */
  latencyMs: number;
  dossierId?: string;
  /** performance.now() when the 201 arrived. */
  acceptedAt?: number;
  error?: string;
}

/**
 * Sends one registration as a clerk: by default the ready-made clerk of postal point 33100; with
 * `clerks`, the next one in turn (registrations spread over several counters).
 */
export async function registerOne(context: BenchContext, http: BenchHttpClient, startedAt = performance.now(), clerks?: ClerkTokens): Promise<Registration> {
  const procedure = bcciProcedureFor(context.catalog);
  const body = registerDossierBody(procedure, sequence++);
  try {
    const response = await http.postJson(`${context.urls.intake}${REGISTER_DOSSIER_PATH}`, body, {
      authorization: `Bearer ${clerks ? clerks.next() : context.tokens.clerk}`,
      'idempotency-key': idempotencyKey(),
    });
    const now = performance.now();
    const dossierId = response.status === 201 ? dossierIdOf(response.body) : undefined;
    return {
      status: response.status,
      latencyMs: now - startedAt,
      dossierId,
      acceptedAt: response.status === 201 ? now : undefined,
      error: response.status === 201 ? undefined : JSON.stringify(response.body).slice(0, 300),
    };
  } catch (error) {
    return { status: 0, latencyMs: performance.now() - startedAt, error: (error as Error).message };
  }
}

/** Clerk tokens of several postal points, handed out in turn. */
export class ClerkTokens {
  private turn = 0;
  constructor(readonly postalCodes: readonly string[], private readonly tokens: readonly string[]) {}
  next(): string {
    return this.tokens[this.turn++ % this.tokens.length]!;
  }
}

/**
 * Up to `count` postal points where the bench procedure can be registered today, 33100 first: each
 * candidate gets one probe registration and is kept on a 201 (a point without a postal leg to the
 * agency refuses, rightly). The probes are not measured.
 */
export async function clerksOfPostalPoints(context: BenchContext, http: BenchHttpClient, count: number): Promise<ClerkTokens> {
  const points = context.catalog.at(systemClock.now()).postalPoints().map((p) => p.postalCode);
  const candidates = ['33100', ...points.filter((code) => code !== '33100')];
  const kept: string[] = [];
  const tokens: string[] = [];
  for (const postalCode of candidates) {
    if (kept.length >= count) break;
    const token = issueDevToken({ role: 'clerk', postalCode, subject: `bench-clerk-${postalCode}` }, context.authJwtSecret);
    const probe = await registerOne(context, http, performance.now(), new ClerkTokens([postalCode], [token]));
    if (probe.status === 201) {
      kept.push(postalCode);
      tokens.push(token);
    }
  }
  if (kept.length === 0) throw new Error('no postal point of the catalog accepts the bench registration');
  return new ClerkTokens(kept, tokens);
}

function dossierIdOf(body: unknown): string | undefined {
  const value = body as { id?: unknown; dossierId?: unknown } | undefined;
  const id = value?.dossierId ?? value?.id;
  return typeof id === 'string' ? id : undefined;
}

/**
 * Outbox-to-Kafka lag: from the 201 of a registration to its `dossier-registered` event read from the
 * intake topic by a consumer that joined before the first request.
 */
export class RegisteredEventLag {
  private readonly acceptedAt = new Map<string, number>();
  private readonly seenAt = new Map<string, number>();
  readonly lagsMs: number[] = [];

  private constructor(private readonly reader: EventReader) {
    reader.onEvent((event) => {
      if (typeOf(event) !== EventType.DossierRegistered) return;
      const id = subjectOf(event);
      if (!id) return;
      const now = performance.now();
      const accepted = this.acceptedAt.get(id);
      if (accepted !== undefined) {
        this.acceptedAt.delete(id);
        this.lagsMs.push(Math.max(0, now - accepted));
      } else {
        this.seenAt.set(id, now); // the event can overtake the HTTP answer: lag 0
      }
    });
  }

  static async open(brokers: string[]): Promise<RegisteredEventLag> {
    return new RegisteredEventLag(await EventReader.open(brokers, [topicFor(EventType.DossierRegistered)], { fromBeginning: false }));
  }

  accepted(dossierId: string, at: number): void {
    if (this.seenAt.delete(dossierId)) this.lagsMs.push(0);
    else this.acceptedAt.set(dossierId, at);
  }

  /** Waits until every accepted dossier's event was read (or the timeout); returns how many are missing. */
  async settle(timeoutMs: number): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (this.acceptedAt.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    return this.acceptedAt.size;
  }

  close(): Promise<void> {
    return this.reader.close();
  }
}

export function statusCounts(registrations: Registration[]): string {
  const counts = new Map<number, number>();
  for (const r of registrations) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  return [...counts.entries()].sort(([a], [b]) => a - b).map(([status, n]) => `${status === 0 ? 'network error' : status}: ${n}`).join(', ');
}
