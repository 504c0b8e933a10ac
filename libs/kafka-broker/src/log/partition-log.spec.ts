import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ErrorCode } from '../protocol/error-codes';
import { readBatchHeader, splitAndValidateBatches, InvalidBatchError } from '../protocol/record-batch';
import { makeBatch } from '../testing/make-batch';
import { PartitionLog } from './partition-log';
import { DEFAULT_TOPIC_SETTINGS, type TopicSettings } from './topic-config';

const settings = (overrides: Partial<TopicSettings> = {}): TopicSettings => ({ ...DEFAULT_TOPIC_SETTINGS, ...overrides });
const parse = (batch: Buffer) => splitAndValidateBatches(batch, 1 << 20);

describe('PartitionLog', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partition-log-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('assigns consecutive offsets and serves whole batches from the one containing the offset', () => {
    const { log } = PartitionLog.open(dir, settings());
    expect(log.append(parse(makeBatch({ values: ['a', 'b', 'c'] })), Date.now()).baseOffset).toBe(0);
    expect(log.append(parse(makeBatch({ values: ['d'] })), Date.now()).baseOffset).toBe(3);
    expect(log.highWatermark).toBe(4);
    const read = log.read(1, 1 << 20);
    if (read.errorCode !== ErrorCode.None || !read.records) throw new Error('expected records');
    expect(readBatchHeader(read.records).baseOffset).toBe(0);
    expect(read.records.length).toBe(makeBatch({ values: ['a', 'b', 'c'] }).length + makeBatch({ values: ['d'] }).length);
    expect(log.read(4, 100)).toEqual({ errorCode: ErrorCode.None, records: null });
    expect(log.read(5, 100).errorCode).toBe(ErrorCode.OffsetOutOfRange);
    log.close();
  });

  it('returns at least one whole batch even when it exceeds max bytes', () => {
    const { log } = PartitionLog.open(dir, settings());
    const big = makeBatch({ values: ['x'.repeat(5000)] });
    log.append(parse(big), Date.now());
    const read = log.read(0, 10);
    expect(read.errorCode === ErrorCode.None && read.records?.length).toBe(big.length);
    log.close();
  });

  it('recovers offsets after a restart and cuts a torn tail at the last whole batch', () => {
    const first = PartitionLog.open(dir, settings()).log;
    first.append(parse(makeBatch({ values: ['a', 'b'] })), Date.now());
    first.append(parse(makeBatch({ values: ['c'] })), Date.now());
    first.close();
    const [segmentFile] = fs.readdirSync(dir);
    const full = fs.statSync(path.join(dir, segmentFile)).size;
    fs.truncateSync(path.join(dir, segmentFile), full - 7);

    const { log, recovery } = PartitionLog.open(dir, settings());
    expect(recovery.truncatedBytes).toBe(full - 7 - makeBatch({ values: ['a', 'b'] }).length);
    expect(log.highWatermark).toBe(2);
    expect(log.append(parse(makeBatch({ values: ['again'] })), Date.now()).baseOffset).toBe(2);
    log.close();
  });

  it('answers a retried idempotent batch with its original offset and refuses a sequence gap', () => {
    const { log } = PartitionLog.open(dir, settings());
    const batch = (seq: number) => parse(makeBatch({ values: ['v'], producerId: 7, baseSequence: seq }));
    expect(log.append(batch(0), Date.now()).baseOffset).toBe(0);
    expect(log.append(batch(1), Date.now()).baseOffset).toBe(1);
    expect(log.append(batch(1), Date.now())).toEqual({ errorCode: ErrorCode.None, baseOffset: 1 });
    expect(log.highWatermark).toBe(2);
    expect(log.append(batch(5), Date.now()).errorCode).toBe(ErrorCode.OutOfOrderSequenceNumber);
    log.close();
    const reopened = PartitionLog.open(dir, settings()).log;
    expect(reopened.append(batch(1), Date.now()).baseOffset).toBe(1);
    expect(reopened.append(batch(2), Date.now()).baseOffset).toBe(2);
    reopened.close();
  });

  it('deletes whole old segments by size and by age, never the active one', () => {
    const { log } = PartitionLog.open(dir, settings({ segmentBytes: 200, retentionBytes: 400 }));
    const now = Date.now();
    for (let i = 0; i < 10; i++) log.append(parse(makeBatch({ values: ['y'.repeat(100)], timestamp: now })), now);
    expect(log.segmentCount).toBe(10);
    expect(log.applyRetention(now)).toBeGreaterThan(0);
    expect(log.sizeBytes).toBeLessThanOrEqual(400 + 200);
    expect(log.logStartOffset).toBeGreaterThan(0);
    expect(log.read(0, 100).errorCode).toBe(ErrorCode.OffsetOutOfRange);
    log.updateSettings(settings({ segmentBytes: 200, retentionMs: 1000 }));
    log.applyRetention(now + 5000);
    expect(log.segmentCount).toBe(1);
    expect(log.highWatermark).toBe(10);
    log.close();
  });

  it('rejects a corrupted batch and a control batch from a client', () => {
    const corrupt = makeBatch({ values: ['z'] });
    corrupt[corrupt.length - 1] ^= 0xff;
    expect(() => parse(corrupt)).toThrow(InvalidBatchError);
    expect(() => parse(makeBatch({ values: ['z'], attributes: 0x20 }))).toThrow(/control/);
  });
});
