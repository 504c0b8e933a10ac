import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TokenVerifier, type Actor } from '@bcci/auth';
import type { BcciEvent } from '@bcci/contracts';

export interface RecordedCall {
  method: string;
  path: string;
  actor: Actor;
  idempotencyKey?: string;
  body: Record<string, unknown>;
  status: number;
}

/**
 * A test double of the agency gateway's public HTTP interface (feed + ack + decision endpoints), not of
 * Kafka or PostgreSQL: it records every call, checks the bearer token like the gateway's guard, and lets
 * a test script answers (a transient 503, a refusal) and what appears on the feed.
 */
export class GatewayStub {
  readonly calls: RecordedCall[] = [];
  private readonly feeds = new Map<string, Array<{ cursor: string; event: BcciEvent }>>();
  private readonly acked = new Map<string, string>();
  private seq = 0;
  private server?: Server;
  /** Answers to force, consumed in order: `${method} ${path}` → status codes. */
  readonly scripted = new Map<string, number[]>();
  /** Called for each accepted decision, e.g. to publish what the gateway would publish next. */
  onDecision: (call: RecordedCall, dossierId: string) => void = () => undefined;

  constructor(private readonly secret: () => string) {}

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  publish(agencyId: string, event: BcciEvent): void {
    const feed = this.feeds.get(agencyId) ?? [];
    feed.push({ cursor: String(++this.seq), event });
    this.feeds.set(agencyId, feed);
  }

  ackedCursor(agencyId: string): string {
    return this.acked.get(agencyId) ?? '0';
  }

  lastCursor(agencyId: string): string {
    const feed = this.feeds.get(agencyId) ?? [];
    return feed.length ? feed[feed.length - 1].cursor : '0';
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stub');
    const body = await readJson(req);
    let actor: Actor;
    try {
      actor = new TokenVerifier({ secret: this.secret() }).verifyAuthorizationHeader(req.headers.authorization ?? '');
    } catch {
      return send(res, 401, { message: 'bad token' });
    }
    const key = `${req.method} ${url.pathname}`;
    const scripted = this.scripted.get(key)?.shift();
    const idempotencyKey = req.headers['idempotency-key'] as string | undefined;
    const record = (status: number) => this.calls.push({ method: req.method!, path: url.pathname, actor, idempotencyKey, body, status });
    if (scripted !== undefined) {
      record(scripted);
      return send(res, scripted, { message: 'scripted' });
    }
    if (actor.role !== 'agency' || !actor.agencyId) {
      record(403);
      return send(res, 403, { message: 'not an agency' });
    }
    if (req.method === 'GET' && url.pathname === '/agency/feed') {
      record(200);
      const after = BigInt(this.ackedCursor(actor.agencyId));
      const limit = Number(url.searchParams.get('limit') ?? '100');
      const items = (this.feeds.get(actor.agencyId) ?? []).filter((i) => BigInt(i.cursor) > after).slice(0, limit);
      return send(res, 200, { items, nextCursor: items.length ? items[items.length - 1].cursor : String(after), ackedCursor: String(after) });
    }
    if (req.method === 'POST' && url.pathname === '/agency/feed/ack') {
      record(200);
      const cursor = String(body.cursor);
      if (BigInt(cursor) > BigInt(this.ackedCursor(actor.agencyId))) this.acked.set(actor.agencyId, cursor);
      return send(res, 200, { ackedCursor: this.ackedCursor(actor.agencyId) });
    }
    const decision = /^\/agency\/dossiers\/([0-9a-f-]{36})\/(handover-signature|supplement-requests|rejection|result)$/.exec(url.pathname);
    if (req.method === 'POST' && decision) {
      record(200);
      const dossierId = decision[1];
      this.onDecision(this.calls[this.calls.length - 1], dossierId);
      return send(res, 200, { dossierId, commandId: idempotencyKey });
    }
    record(404);
    return send(res, 404, { message: 'unknown route' });
  }
}

function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    req.on('end', () => {
      try {
        resolve(text ? (JSON.parse(text) as Record<string, unknown>) : {});
      } catch (error) {
        reject(error as Error);
      }
    });
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
