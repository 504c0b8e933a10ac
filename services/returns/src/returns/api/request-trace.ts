import { childTraceparent, parseTraceparent } from '@bcci/messaging';
import { randomUUID } from 'node:crypto';

/**
 * The request's id (the causation id of the events it produces, a UUID as the envelope requires) and
 * a child of the caller's W3C traceparent when it sent a valid one, so the events join its trace.
 */
export function requestTrace(headers: Record<string, string | string[] | undefined>): { requestId: string; traceparent?: string } {
  const raw = headers['traceparent'];
  const incoming = Array.isArray(raw) ? raw[0] : raw;
  return { requestId: randomUUID(), ...(parseTraceparent(incoming) ? { traceparent: childTraceparent(incoming!) } : {}) };
}
