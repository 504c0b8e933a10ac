/**
 * The front of a service that runs as several instances (`npm start -- --instances N`): it listens on the
 * service's own port and passes each HTTP request to the next instance in turn, as a Kubernetes Service
 * or a load balancer would in production. Per request, not per connection: a client that keeps one
 * connection open (fetch, curl with keep-alive) still reaches every instance.
 *
 * A request is sent to another instance only when the chosen one could not have received it: it refused
 * the connection (not listening: restarting after a crash), or closed a reused idle connection before
 * answering (Node's documented keep-alive race). Anything else is answered 502, never retried, so a
 * POST is never applied twice by the balancer itself.
 */
import { Agent, createServer, request, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BalancedInstance {
  /** `intake#2`: how logs and errors name it. */
  readonly name: string;
  readonly port: number;
}

/** Hop-by-hop headers (RFC 9110 §7.6.1) are the connection's own, not the request's. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade']);

export class HttpBalancer {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 128 });
  private server?: Server;
  private next = 0;
  /** Requests passed to each instance, by name (the launcher's own view; tests read it). */
  readonly passed = new Map<string, number>();

  constructor(
    private readonly serviceName: string,
    private readonly instances: readonly BalancedInstance[],
  ) {}

  async listen(port: number, host = '127.0.0.1'): Promise<number> {
    const server = createServer((incoming, outgoing) => void this.pass(incoming, outgoing));
    server.keepAliveTimeout = 5_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    return (server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.agent.destroy();
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async pass(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    let body: Buffer;
    try {
      // Held whole so that the request can go to another instance if the first could not take it.
      body = await readBody(incoming);
    } catch {
      return; // the client went away while sending
    }
    const headers = forwardedHeaders(incoming, body.length);
    const tried: string[] = [];
    for (let attempt = 0; attempt < this.instances.length + 1; attempt++) {
      const instance = this.instances[this.next++ % this.instances.length]!;
      const outcome = await this.sendTo(instance, incoming, headers, body, outgoing);
      if (outcome === 'answered') return;
      tried.push(`${instance.name}: ${outcome}`);
    }
    if (outgoing.headersSent) return void outgoing.destroy();
    outgoing.writeHead(502, { 'content-type': 'application/json; charset=utf-8' });
    outgoing.end(
      JSON.stringify({
        statusCode: 502,
        error: 'Bad Gateway',
        message: `no instance of ${this.serviceName} could take the request (${tried.join('; ')}); it is probably restarting, try again in a few seconds`,
      }),
    );
  }

  /** 'answered' once a response started; otherwise why the instance could not have received the request. */
  private sendTo(instance: BalancedInstance, incoming: IncomingMessage, headers: OutgoingHttpHeaders, body: Buffer, outgoing: ServerResponse): Promise<string> {
    return new Promise((resolve) => {
      const forward = request({ host: '127.0.0.1', port: instance.port, method: incoming.method, path: incoming.url, headers, agent: this.agent }, (answer) => {
        this.passed.set(instance.name, (this.passed.get(instance.name) ?? 0) + 1);
        outgoing.writeHead(answer.statusCode ?? 502, answer.statusMessage, withoutHopByHop(answer.headers));
        answer.pipe(outgoing);
        answer.once('error', () => outgoing.destroy());
        resolve('answered');
      });
      forward.once('error', (error: NodeJS.ErrnoException) => {
        const neverReceived = error.code === 'ECONNREFUSED' || (forward.reusedSocket && error.code === 'ECONNRESET');
        if (neverReceived) return resolve(error.code ?? 'refused');
        // The instance may have acted on it: tell the client rather than risk doing it twice.
        if (!outgoing.headersSent) {
          outgoing.writeHead(502, { 'content-type': 'application/json; charset=utf-8' });
          outgoing.end(JSON.stringify({ statusCode: 502, error: 'Bad Gateway', message: `${instance.name} failed while answering (${error.code ?? error.message}); the request may or may not have been applied` }));
        } else {
          outgoing.destroy();
        }
        resolve('answered');
      });
      // A client that leaves stops the instance's work on its behalf as a direct connection would.
      outgoing.once('close', () => {
        if (!outgoing.writableFinished) forward.destroy();
      });
      forward.end(body);
    });
  }
}

function readBody(incoming: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.once('end', () => resolve(Buffer.concat(chunks)));
    incoming.once('error', reject);
  });
}

function forwardedHeaders(incoming: IncomingMessage, bodyLength: number): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = withoutHopByHop(incoming.headers);
  // The body is sent whole, so its length is known even when the client streamed it in chunks.
  if (bodyLength > 0 || incoming.headers['content-length'] !== undefined) headers['content-length'] = String(bodyLength);
  const client = incoming.socket.remoteAddress ?? '';
  const earlier = incoming.headers['x-forwarded-for'];
  headers['x-forwarded-for'] = earlier ? `${String(earlier)}, ${client}` : client;
  return headers;
}

function withoutHopByHop(headers: IncomingMessage['headers']): OutgoingHttpHeaders {
  const kept: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) kept[name] = value;
  }
  return kept;
}
