import { crc32c } from '../protocol/crc32c';
import { Writer } from '../protocol/writer';

export interface TestBatchOptions {
  readonly values: readonly string[];
  readonly timestamp?: number;
  readonly producerId?: number;
  readonly producerEpoch?: number;
  readonly baseSequence?: number;
  readonly attributes?: number;
}

/** Builds a valid uncompressed record batch v2, as a client would send it (base offset 0). */
export function makeBatch(options: TestBatchOptions): Buffer {
  const timestamp = options.timestamp ?? Date.now();
  const records = new Writer();
  options.values.forEach((value, index) => {
    const body = new Writer().int8(0).varlong(0).varint(index).varint(-1);
    const bytes = Buffer.from(value);
    body.varint(bytes.length).raw(bytes).varint(0);
    records.varint(body.size).raw(body.toBuffer());
  });
  const afterCrc = new Writer()
    .int16(options.attributes ?? 0)
    .int32(options.values.length - 1)
    .int64(timestamp)
    .int64(timestamp)
    .int64(options.producerId ?? -1)
    .int16(options.producerEpoch ?? 0)
    .int32(options.baseSequence ?? 0)
    .int32(options.values.length)
    .raw(records.toBuffer())
    .toBuffer();
  const batch = new Writer()
    .int64(0)
    .int32(4 + 1 + 4 + afterCrc.length)
    .int32(0)
    .int8(2)
    .uint32(crc32c(afterCrc))
    .raw(afterCrc);
  return batch.toBuffer();
}
