import type { ServerResponse } from 'node:http';
import { DossierPostalPoints, postalCodesNamedBy, queuesChangedBy, type QueueNotice, type WorkQueue } from './queue-notice';

/** Several events in a burst (a courier's batch of 50 scans) become one notice per listener. */
const COALESCE_MS = 250;
const HEARTBEAT_MS = 15_000;

interface Listener {
  readonly postalCode: string | undefined;
  readonly response: ServerResponse;
  pending: Set<WorkQueue>;
  timer?: NodeJS.Timeout;
}

export interface DossierEvent {
  readonly type: string;
  readonly subject?: string;
  readonly data: Record<string, unknown>;
}

/** The browsers listening for queue changes (server-sent events), and which events concern whom. */
export class LiveHub {
  private readonly listeners = new Set<Listener>();
  private readonly dossierPoints = new DossierPostalPoints();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(private readonly now: () => Date = () => new Date()) {
    // A comment line every few seconds keeps proxies from closing an idle stream and lets the browser notice a dead one.
    this.heartbeat = setInterval(() => {
      for (const listener of this.listeners) listener.response.write(': still here\n\n');
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  /** Starts a stream for a signed-in member of staff; ends when the browser goes away. */
  listen(response: ServerResponse, postalCode: string | undefined): void {
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    response.write(`retry: 3000\nevent: ready\ndata: {}\n\n`);
    const listener: Listener = { postalCode, response, pending: new Set() };
    this.listeners.add(listener);
    response.on('close', () => {
      clearTimeout(listener.timer);
      this.listeners.delete(listener);
    });
  }

  /** One event from Kafka: tells the listeners of the postal points it concerns which queues changed. */
  publish(event: DossierEvent): void {
    const queues = queuesChangedBy(event.type);
    if (event.subject) this.dossierPoints.learn(event.subject, postalCodesNamedBy(event.data));
    if (queues.length === 0) return;
    const points = event.subject ? this.dossierPoints.of(event.subject) : undefined;
    for (const listener of this.listeners) {
      if (points && listener.postalCode && !points.includes(listener.postalCode)) continue;
      for (const queue of queues) listener.pending.add(queue);
      listener.timer ??= setTimeout(() => this.flush(listener), COALESCE_MS);
    }
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const listener of this.listeners) {
      clearTimeout(listener.timer);
      listener.response.end();
    }
    this.listeners.clear();
  }

  private flush(listener: Listener): void {
    listener.timer = undefined;
    const notice: QueueNotice = { queues: [...listener.pending], at: this.now().toISOString() };
    listener.pending = new Set();
    listener.response.write(`event: queues\ndata: ${JSON.stringify(notice)}\n\n`);
  }
}
