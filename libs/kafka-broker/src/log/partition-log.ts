import * as fs from 'node:fs';
import { ErrorCode } from '../protocol/error-codes';
import { assignBaseOffset, type BatchHeader } from '../protocol/record-batch';
import { ProducerStateTable } from './producer-state';
import { listSegmentBaseOffsets, Segment } from './segment';
import type { TopicSettings } from './topic-config';

export interface AppendResult {
  readonly errorCode: ErrorCode;
  readonly baseOffset: number;
  readonly reason?: string;
}

export type ReadResult =
  | { readonly errorCode: ErrorCode.None; readonly records: Buffer | null }
  | { readonly errorCode: ErrorCode.OffsetOutOfRange };

export interface RecoveryReport {
  readonly segments: number;
  readonly truncatedBytes: number;
}

/**
 * One partition: an ordered list of segments, the next offset to assign (the high-water mark, since a
 * single node has no replicas to wait for) and the idempotent producers' sequence windows.
 */
export class PartitionLog {
  private dirty = false;

  private constructor(
    readonly directory: string,
    private readonly segments: Segment[],
    private settings: TopicSettings,
    private readonly producerStates: ProducerStateTable,
  ) {}

  static open(directory: string, settings: TopicSettings): { log: PartitionLog; recovery: RecoveryReport } {
    fs.mkdirSync(directory, { recursive: true });
    const segments: Segment[] = [];
    const states = new ProducerStateTable();
    let truncatedBytes = 0;
    const baseOffsets = listSegmentBaseOffsets(directory);
    for (const baseOffset of baseOffsets) {
      const recovered = Segment.recover(directory, baseOffset, (header) => states.record(header, header.baseOffset));
      truncatedBytes += recovered.truncatedBytes;
      segments.push(recovered.segment);
    }
    // A later segment that starts before the previous one ends cannot be trusted: drop it.
    for (let i = 1; i < segments.length; i++) {
      if (segments[i].baseOffset < segments[i - 1].nextOffset) {
        for (const stale of segments.splice(i)) stale.delete();
        break;
      }
    }
    if (segments.length === 0) segments.push(Segment.create(directory, 0));
    const log = new PartitionLog(directory, segments, settings, states);
    return { log, recovery: { segments: segments.length, truncatedBytes } };
  }

  updateSettings(settings: TopicSettings): void {
    this.settings = settings;
  }

  get highWatermark(): number {
    return this.active.nextOffset;
  }

  get logStartOffset(): number {
    return this.segments[0].isEmpty ? this.segments[0].nextOffset : this.segments[0].index.baseOffset(0);
  }

  get sizeBytes(): number {
    return this.segments.reduce((sum, segment) => sum + segment.size, 0);
  }

  get segmentCount(): number {
    return this.segments.length;
  }

  private get active(): Segment {
    return this.segments[this.segments.length - 1];
  }

  /** Validated batches of one produce request for this partition, appended in order. */
  append(batches: readonly { buffer: Buffer; header: BatchHeader }[], now: number): AppendResult {
    let firstOffset = -1;
    for (const { buffer, header } of batches) {
      const decision = this.producerStates.check(header);
      if (decision.kind === 'refuse') return { errorCode: decision.errorCode, baseOffset: -1, reason: decision.reason };
      if (decision.kind === 'duplicate') {
        if (firstOffset < 0) firstOffset = decision.baseOffset;
        continue;
      }
      this.rollIfNeeded(buffer.length, now);
      const baseOffset = this.active.nextOffset;
      assignBaseOffset(buffer, baseOffset);
      this.active.append(buffer, header, baseOffset);
      this.producerStates.record(header, baseOffset);
      this.dirty = true;
      if (firstOffset < 0) firstOffset = baseOffset;
    }
    return { errorCode: ErrorCode.None, baseOffset: firstOffset };
  }

  private rollIfNeeded(incomingBytes: number, now: number): void {
    const active = this.active;
    if (active.isEmpty) return;
    const full = active.size + incomingBytes > this.settings.segmentBytes;
    const old = this.settings.segmentMs >= 0 && now - active.createdAtMs > this.settings.segmentMs;
    if (full || old) {
      active.sync();
      this.segments.push(Segment.create(this.directory, active.nextOffset));
    }
  }

  read(offset: number, maxBytes: number): ReadResult {
    if (offset < this.logStartOffset || offset > this.highWatermark) return { errorCode: ErrorCode.OffsetOutOfRange };
    if (offset === this.highWatermark) return { errorCode: ErrorCode.None, records: null };
    for (const segment of this.segments) {
      if (offset >= segment.nextOffset) continue;
      return { errorCode: ErrorCode.None, records: segment.read(offset, maxBytes) };
    }
    return { errorCode: ErrorCode.None, records: null };
  }

  /** First offset whose batch holds a timestamp ≥ `timestamp` (batch precision), or -1. */
  offsetForTimestamp(timestamp: number): { offset: number; timestamp: number } {
    for (const segment of this.segments) {
      if (segment.maxTimestamp < timestamp) continue;
      const i = segment.index.findFirstAtOrAfterTimestamp(timestamp);
      if (i >= 0) return { offset: Math.max(segment.index.baseOffset(i), this.logStartOffset), timestamp: segment.index.maxTimestamp(i) };
    }
    return { offset: -1, timestamp: -1 };
  }

  /**
   * Deletes whole closed segments past retention.ms or beyond retention.bytes. The active segment is
   * never deleted; it rolls by size or age first. Returns the number of segments removed.
   */
  applyRetention(now: number): number {
    const { retentionMs, retentionBytes } = this.settings;
    let removed = 0;
    let total = this.sizeBytes;
    while (this.segments.length > 1) {
      const oldest = this.segments[0];
      const expired = retentionMs >= 0 && oldest.maxTimestamp >= 0 && now - oldest.maxTimestamp > retentionMs;
      const oversize = retentionBytes >= 0 && total - oldest.size >= retentionBytes;
      if (!expired && !oversize) break;
      total -= oldest.size;
      this.segments.shift();
      oldest.delete();
      removed++;
    }
    return removed;
  }

  /** Forces appended data to disk if anything was written since the last call. */
  sync(): void {
    if (!this.dirty) return;
    this.active.sync();
    this.dirty = false;
  }

  close(): void {
    this.sync();
    for (const segment of this.segments) segment.close();
  }

  delete(): void {
    for (const segment of this.segments) segment.delete();
    fs.rmSync(this.directory, { recursive: true, force: true });
  }
}
