import { ErrorCode } from '../protocol/error-codes';
import type { BatchHeader } from '../protocol/record-batch';

/** Apache Kafka keeps the last five batches of each producer to recognise retries (ProducerStateEntry). */
const RETAINED_BATCHES = 5;
const MAX_SEQUENCE = 0x7fffffff;

interface RetainedBatch {
  readonly firstSequence: number;
  readonly lastSequence: number;
  readonly baseOffset: number;
}

interface ProducerEntry {
  epoch: number;
  batches: RetainedBatch[];
}

export type SequenceDecision =
  | { readonly kind: 'append' }
  | { readonly kind: 'duplicate'; readonly baseOffset: number }
  | { readonly kind: 'refuse'; readonly errorCode: ErrorCode; readonly reason: string };

function lastSequenceOf(header: BatchHeader): number {
  const last = header.baseSequence + header.lastOffsetDelta;
  return last > MAX_SEQUENCE ? last - MAX_SEQUENCE - 1 : last;
}

function nextSequence(sequence: number): number {
  return sequence === MAX_SEQUENCE ? 0 : sequence + 1;
}

/**
 * Idempotent-producer bookkeeping for one partition: a retried batch is recognised and answered with its
 * original offset; a gap or reordering is refused. Rebuilt from batch headers when the log is recovered,
 * so it survives restarts without a file of its own.
 */
export class ProducerStateTable {
  private readonly producers = new Map<number, ProducerEntry>();

  check(header: BatchHeader): SequenceDecision {
    if (header.producerId < 0) return { kind: 'append' };
    const entry = this.producers.get(header.producerId);
    // Unknown producer (new, or its state was removed by retention): accept any sequence, as Kafka does.
    if (!entry) return { kind: 'append' };
    if (header.producerEpoch < entry.epoch) {
      return { kind: 'refuse', errorCode: ErrorCode.InvalidProducerEpoch, reason: `epoch ${header.producerEpoch} is fenced` };
    }
    if (header.producerEpoch > entry.epoch) {
      return header.baseSequence === 0
        ? { kind: 'append' }
        : { kind: 'refuse', errorCode: ErrorCode.OutOfOrderSequenceNumber, reason: 'a new epoch must start at sequence 0' };
    }
    const lastSequence = lastSequenceOf(header);
    const retried = entry.batches.find((b) => b.firstSequence === header.baseSequence && b.lastSequence === lastSequence);
    if (retried) return { kind: 'duplicate', baseOffset: retried.baseOffset };
    const newest = entry.batches[entry.batches.length - 1];
    if (newest && header.baseSequence !== nextSequence(newest.lastSequence)) {
      return {
        kind: 'refuse',
        errorCode: ErrorCode.OutOfOrderSequenceNumber,
        reason: `expected sequence ${nextSequence(newest.lastSequence)}, got ${header.baseSequence}`,
      };
    }
    return { kind: 'append' };
  }

  record(header: BatchHeader, baseOffset: number): void {
    if (header.producerId < 0) return;
    let entry = this.producers.get(header.producerId);
    if (!entry || header.producerEpoch > entry.epoch) {
      entry = { epoch: header.producerEpoch, batches: [] };
      this.producers.set(header.producerId, entry);
    }
    entry.batches.push({ firstSequence: header.baseSequence, lastSequence: lastSequenceOf(header), baseOffset });
    if (entry.batches.length > RETAINED_BATCHES) entry.batches.shift();
  }

  get size(): number {
    return this.producers.size;
  }
}
