import type { ApiKey } from '../protocol/api-keys';
import type { Reader } from '../protocol/reader';

/** Who sent a request: used for group member ids, metrics and tracing. */
export interface RequestContext {
  readonly clientId: string | null;
  readonly clientHost: string;
  readonly connectionId: number;
}

export interface ApiRequest {
  readonly apiKey: ApiKey;
  readonly version: number;
  /** Positioned at the start of the request body (after the request header). */
  readonly body: Reader;
  readonly context: RequestContext;
}

/**
 * Decodes one request body, acts, and returns the encoded response body (without the response header),
 * or null when the protocol expects no response (Produce with acks=0).
 */
export type ApiHandler = (request: ApiRequest) => Promise<Buffer | null>;

export type ApiHandlers = Partial<Record<ApiKey, ApiHandler>>;

/** This broker as clients must see it: host and port exactly as advertised in Metadata. */
export interface BrokerNode {
  readonly nodeId: number;
  readonly host: string;
  readonly port: number;
}
