import { randomFillSync } from 'node:crypto';

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

/**
 * Random bytes for ids, taken from a pool filled 4 KB at a time: every event and every consumed message
 * draws a trace or span id, and a call into the random generator for each 8 or 16 bytes cost more than
 * the rest of building the header (1-2 % of a busy service's CPU). The pool is filled by the same
 * cryptographic generator, as Node's own randomUUID does.
 */
const randomPool = Buffer.alloc(4096);
let randomPoolOffset = randomPool.length;

function randomHex(bytes: number): string {
  if (randomPoolOffset + bytes > randomPool.length) {
    randomFillSync(randomPool);
    randomPoolOffset = 0;
  }
  const hex = randomPool.toString('hex', randomPoolOffset, randomPoolOffset + bytes);
  randomPoolOffset += bytes;
  return hex;
}

/** A new trace, for work that does not continue an incoming one (e.g. a scheduled job). */
export function createTraceparent(sampled = true): string {
  return formatTraceparent({ traceId: randomHex(16), spanId: randomHex(8), sampled });
}

/**
 * The traceparent for work caused by `incoming`: same trace id, new span id. An absent or malformed
 * incoming header starts a new trace, as the W3C specification asks.
 */
export function childTraceparent(incoming: string | undefined | null): string {
  const parent = parseTraceparent(incoming);
  if (!parent) return createTraceparent();
  return formatTraceparent({ ...parent, spanId: randomHex(8) });
}
