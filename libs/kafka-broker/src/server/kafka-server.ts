import * as net from 'node:net';
import { performance } from 'node:perf_hooks';
import { ApiKey, isSupported } from '../protocol/api-keys';
import { decodeRequestHeader, encodeResponseFrame, type RequestHeader } from '../protocol/header';
import { encodeUnsupportedApiVersionsResponse } from '../protocol/messages/api-versions';
import { Reader } from '../protocol/reader';
import { Writer } from '../protocol/writer';
import type { ApiHandlers, RequestContext } from './api-handler';
import type { BrokerMetrics } from './broker-metrics';
import { FrameSplitter } from './frame-splitter';
import type { BrokerLogger } from './logger';

export interface KafkaServerOptions {
  readonly handlers: ApiHandlers;
  readonly maxRequestBytes: number;
  readonly logger: BrokerLogger;
  readonly metrics: BrokerMetrics;
}

/**
 * Accepts client connections and answers requests one at a time per connection, in order, as Apache
 * Kafka does: a long-polling fetch or a join waiting for its group blocks only its own connection.
 * Anything the protocol cannot answer (malformed frame, unknown API or version) closes that connection
 * and nothing else.
 */
export class KafkaServer {
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private nextConnectionId = 1;

  constructor(private readonly options: KafkaServerOptions) {
    this.server = net.createServer((socket) => this.accept(socket));
  }

  listen(host: string, port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve((this.server.address() as net.AddressInfo).port);
      });
    });
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: net.Socket): void {
    const { logger, metrics, maxRequestBytes } = this.options;
    socket.setNoDelay(true);
    this.sockets.add(socket);
    metrics.connections.inc();
    const context: RequestContext = {
      clientId: null,
      clientHost: socket.remoteAddress ?? 'unknown',
      connectionId: this.nextConnectionId++,
    };
    const splitter = new FrameSplitter(maxRequestBytes);
    const queue: Buffer[] = [];
    let busy = false;

    const drain = async () => {
      if (busy) return;
      busy = true;
      while (queue.length > 0 && !socket.destroyed) {
        await this.serve(socket, queue.shift() as Buffer, context);
      }
      busy = false;
    };

    socket.on('data', (chunk) => {
      try {
        queue.push(...splitter.push(chunk));
      } catch (error) {
        logger.warn(`closing connection ${context.connectionId} from ${context.clientHost}: ${(error as Error).message}`);
        socket.destroy();
        return;
      }
      void drain();
    });
    socket.on('error', (error) => logger.debug(`connection ${context.connectionId}: ${error.message}`));
    socket.on('close', () => {
      this.sockets.delete(socket);
      metrics.connections.dec();
    });
  }

  private async serve(socket: net.Socket, frame: Buffer, connection: RequestContext): Promise<void> {
    const { logger, metrics, handlers } = this.options;
    const started = performance.now();
    const reader = new Reader(frame);
    let header: RequestHeader;
    try {
      header = decodeRequestHeader(reader);
    } catch (error) {
      logger.warn(`closing connection ${connection.connectionId}: unreadable request header (${(error as Error).message})`);
      socket.destroy();
      return;
    }
    const { apiKey, apiVersion, correlationId, clientId } = header;
    const context: RequestContext = { ...connection, clientId };
    if (logger.isEnabled('trace')) {
      logger.trace(`conn=${context.connectionId} client=${clientId} ${ApiKey[apiKey] ?? apiKey} v${apiVersion} correlation=${correlationId}`);
    }
    let body: Buffer | null;
    if (apiKey === ApiKey.ApiVersions && !isSupported(apiKey, apiVersion)) {
      // KIP-511: answer a newer ApiVersions in the v0 format so the client can retry at a version we speak.
      const writer = new Writer();
      encodeUnsupportedApiVersionsResponse(writer);
      body = writer.toBuffer();
    } else {
      const handler = handlers[apiKey as ApiKey];
      if (!handler || !isSupported(apiKey, apiVersion)) {
        logger.warn(`closing connection ${context.connectionId}: unsupported API ${apiKey} version ${apiVersion} from ${clientId}`);
        metrics.observe(apiKey, 'error', 0, frame.length, 0);
        socket.destroy();
        return;
      }
      try {
        body = await handler({ apiKey, version: apiVersion, body: reader, context });
      } catch (error) {
        logger.warn(`closing connection ${context.connectionId}: ${ApiKey[apiKey]} v${apiVersion} failed: ${(error as Error).message}`);
        metrics.observe(apiKey, 'error', (performance.now() - started) / 1000, frame.length, 0);
        socket.destroy();
        return;
      }
    }
    let sent = 0;
    if (body !== null && !socket.destroyed) {
      const response = encodeResponseFrame(correlationId, body);
      sent = response.length;
      socket.write(response);
    }
    metrics.observe(apiKey, 'ok', (performance.now() - started) / 1000, frame.length, sent);
  }
}
