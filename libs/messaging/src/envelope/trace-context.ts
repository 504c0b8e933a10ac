import { randomBytes } from 'node:crypto';

/** W3C Trace Context `traceparent` header: version-traceid-parentid-flags. */
export const TRACEPARENT_HEADER = 'traceparent';
const FORMAT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

export interface TraceParent {
  traceId: string;
  spanId: string;
  sampled: boolean;
}

export function parseTraceparent(header: string | undefined | null): TraceParent | undefined {
  const match = header ? FORMAT.exec(header.trim()) : null;
  if (!match || /^0+$/.test(match[1]) || /^0+$/.test(match[2])) return undefined;
  return { traceId: match[1], spanId: match[2], sampled: (parseInt(match[3], 16) & 1) === 1 };
}

export function formatTraceparent(trace: TraceParent): string {
  return `00-${trace.traceId}-${trace.spanId}-${trace.sampled ? '01' : '00'}`;
}

/** A new trace, for work that does not continue an incoming one (e.g. a scheduled job). */
export function createTraceparent(sampled = true): string {
  return formatTraceparent({ traceId: randomBytes(16).toString('hex'), spanId: randomBytes(8).toString('hex'), sampled });
}

/**
 * The traceparent for work caused by `incoming`: same trace id, new span id. An absent or malformed
 * incoming header starts a new trace, as the W3C specification asks.
 */
export function childTraceparent(incoming: string | undefined | null): string {
  const parent = parseTraceparent(incoming);
  if (!parent) return createTraceparent();
  return formatTraceparent({ ...parent, spanId: randomBytes(8).toString('hex') });
}
