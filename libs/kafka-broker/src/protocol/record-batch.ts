import { crc32c } from './crc32c';
import { ErrorCode } from './error-codes';

/**
 * A view over the fixed 61-byte header of a record batch (magic 2). The broker stores and serves batches
 * as received and never parses the records themselves, so compressed batches need no codec here.
 */
export const BATCH_HEADER_SIZE = 61;
const LENGTH_FIELDS_SIZE = 12; // baseOffset (8) + batchLength (4)
const MAGIC_OFFSET = 16;
const CRC_OFFSET = 17;
const ATTRIBUTES_OFFSET = 21;
const CONTROL_FLAG = 0x20;
const TRANSACTIONAL_FLAG = 0x10;

export interface BatchHeader {
  readonly baseOffset: number;
  readonly batchLength: number;
  readonly magic: number;
  readonly crc: number;
  readonly attributes: number;
  readonly lastOffsetDelta: number;
  readonly baseTimestamp: number;
  readonly maxTimestamp: number;
  readonly producerId: number;
  readonly producerEpoch: number;
  readonly baseSequence: number;
  readonly recordCount: number;
}

export function readBatchHeader(batch: Buffer, at = 0): BatchHeader {
  return {
    baseOffset: Number(batch.readBigInt64BE(at)),
    batchLength: batch.readInt32BE(at + 8),
    magic: batch.readInt8(at + MAGIC_OFFSET),
    crc: batch.readUInt32BE(at + CRC_OFFSET),
    attributes: batch.readInt16BE(at + ATTRIBUTES_OFFSET),
    lastOffsetDelta: batch.readInt32BE(at + 23),
    baseTimestamp: Number(batch.readBigInt64BE(at + 27)),
    maxTimestamp: Number(batch.readBigInt64BE(at + 35)),
    producerId: Number(batch.readBigInt64BE(at + 43)),
    producerEpoch: batch.readInt16BE(at + 51),
    baseSequence: batch.readInt32BE(at + 53),
    recordCount: batch.readInt32BE(at + 57),
  };
}

/** Size on the wire of the batch starting at `at`, or -1 when fewer than 12 bytes remain. */
export function batchSizeAt(buffer: Buffer, at: number): number {
  if (buffer.length - at < LENGTH_FIELDS_SIZE) return -1;
  return buffer.readInt32BE(at + 8) + LENGTH_FIELDS_SIZE;
}

export class InvalidBatchError extends Error {
  constructor(
    readonly errorCode: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidBatchError';
  }
}

/**
 * Splits a produce request's record set into batches and checks each one as Apache Kafka does before
 * appending: magic 2, consistent lengths, CRC-32C, record count, and no control batches from clients.
 */
export function splitAndValidateBatches(recordSet: Buffer, maxBatchBytes: number): { buffer: Buffer; header: BatchHeader }[] {
  const batches: { buffer: Buffer; header: BatchHeader }[] = [];
  let at = 0;
  while (at < recordSet.length) {
    const size = batchSizeAt(recordSet, at);
    if (size < BATCH_HEADER_SIZE || at + size > recordSet.length) {
      throw new InvalidBatchError(ErrorCode.CorruptMessage, 'record set ends inside a batch');
    }
    if (size > maxBatchBytes) {
      throw new InvalidBatchError(ErrorCode.MessageTooLarge, `batch of ${size} bytes exceeds ${maxBatchBytes}`);
    }
    const buffer = recordSet.subarray(at, at + size);
    const header = readBatchHeader(buffer);
    if (header.magic !== 2) throw new InvalidBatchError(ErrorCode.CorruptMessage, `unsupported magic ${header.magic}`);
    if (crc32c(buffer, ATTRIBUTES_OFFSET) !== header.crc) {
      throw new InvalidBatchError(ErrorCode.CorruptMessage, 'CRC-32C mismatch');
    }
    if (header.recordCount <= 0 || header.lastOffsetDelta !== header.recordCount - 1) {
      throw new InvalidBatchError(ErrorCode.InvalidRecord, 'lastOffsetDelta does not match the record count');
    }
    if (header.attributes & CONTROL_FLAG) {
      throw new InvalidBatchError(ErrorCode.InvalidRecord, 'clients may not produce control batches');
    }
    if (header.attributes & TRANSACTIONAL_FLAG) {
      throw new InvalidBatchError(ErrorCode.InvalidRecord, 'transactions are not supported by this broker');
    }
    batches.push({ buffer, header });
    at += size;
  }
  if (batches.length === 0) throw new InvalidBatchError(ErrorCode.CorruptMessage, 'empty record set');
  return batches;
}

/** Writes the assigned base offset in place; it lies outside the CRC, so the checksum stays valid. */
export function assignBaseOffset(batch: Buffer, baseOffset: number): void {
  batch.writeBigInt64BE(BigInt(baseOffset), 0);
}
