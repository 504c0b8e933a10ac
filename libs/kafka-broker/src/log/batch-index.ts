/**
 * In-memory index of the batches in one segment, rebuilt from the segment file on start. Parallel typed
 * arrays keep it compact: millions of batches cost tens of megabytes, not millions of objects.
 */
export class BatchIndex {
  private baseOffsets = new Float64Array(64);
  private lastOffsets = new Float64Array(64);
  private positions = new Float64Array(64);
  private maxTimestamps = new Float64Array(64);
  private count = 0;

  get length(): number {
    return this.count;
  }

  add(baseOffset: number, lastOffset: number, position: number, maxTimestamp: number): void {
    if (this.count === this.baseOffsets.length) this.grow();
    const i = this.count++;
    this.baseOffsets[i] = baseOffset;
    this.lastOffsets[i] = lastOffset;
    this.positions[i] = position;
    this.maxTimestamps[i] = maxTimestamp;
  }

  private grow(): void {
    const size = this.baseOffsets.length * 2;
    const copy = (from: Float64Array) => {
      const to = new Float64Array(size);
      to.set(from);
      return to;
    };
    this.baseOffsets = copy(this.baseOffsets);
    this.lastOffsets = copy(this.lastOffsets);
    this.positions = copy(this.positions);
    this.maxTimestamps = copy(this.maxTimestamps);
  }

  /** Index of the first batch whose last offset is ≥ offset (the batch containing it), or -1. */
  findBatchContaining(offset: number): number {
    let low = 0;
    let high = this.count - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      if (this.lastOffsets[mid] >= offset) {
        found = mid;
        high = mid - 1;
      } else {
        low = mid + 1;
      }
    }
    return found;
  }

  /** Index of the first batch holding a record at or after `timestamp` (by batch max timestamp), or -1. */
  findFirstAtOrAfterTimestamp(timestamp: number): number {
    for (let i = 0; i < this.count; i++) if (this.maxTimestamps[i] >= timestamp) return i;
    return -1;
  }

  baseOffset(i: number): number {
    return this.baseOffsets[i];
  }

  lastOffset(i: number): number {
    return this.lastOffsets[i];
  }

  position(i: number): number {
    return this.positions[i];
  }

  maxTimestamp(i: number): number {
    return this.maxTimestamps[i];
  }
}
