import { ApiKey } from '../src/protocol/api-keys';
import { ErrorCode } from '../src/protocol/error-codes';
import { Reader } from '../src/protocol/reader';
import { Writer } from '../src/protocol/writer';
import { makeBatch } from '../src/testing/make-batch';
import { RawClient } from './support/raw-client';
import { startTestBroker, type BrokerFixture } from './support/broker-fixture';

function produceBody(topic: string, batch: Buffer): Buffer {
  return new Writer()
    .nullableString(null)
    .int16(-1)
    .int32(1000)
    .array([topic], (w, name) => w.string(name).array([0], (pw, p) => pw.int32(p).bytes(batch)))
    .toBuffer();
}

function produceErrorCode(response: Buffer): number {
  const reader = new Reader(response);
  reader.int32(); // topics
  reader.string();
  reader.int32(); // partitions
  reader.int32(); // index
  return reader.int16();
}

describe('bad input never takes the broker down', () => {
  let fixture: BrokerFixture;
  beforeAll(async () => {
    fixture = await startTestBroker({ maxRequestBytes: 64 * 1024 });
    const admin = fixture.kafka().admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'guarded' }] });
    await admin.disconnect();
  });
  afterAll(async () => fixture.stop());

  async function stillServesOthers(): Promise<void> {
    const admin = fixture.kafka().admin();
    await admin.connect();
    expect(await admin.listTopics()).toContain('guarded');
    await admin.disconnect();
  }

  it('closes a connection that sends a malformed frame and keeps serving others', async () => {
    const client = await RawClient.connect(fixture.broker.port);
    client.sendRaw(Buffer.from([0, 0, 0, 6, 0, 3, 0, 6, 0, 0]));
    await client.closed;
    await stillServesOthers();
  });

  it('closes a connection that announces an oversized request before buffering it', async () => {
    const client = await RawClient.connect(fixture.broker.port);
    client.sendRaw(new Writer().int32(10 * 1024 * 1024).int16(0).toBuffer());
    await client.closed;
    await stillServesOthers();
  });

  it('closes a connection that uses an unknown API key or unsupported version', async () => {
    const unknownKey = await RawClient.connect(fixture.broker.port);
    void unknownKey.request(999, 0, Buffer.alloc(0));
    await unknownKey.closed;
    const oldProduce = await RawClient.connect(fixture.broker.port);
    void oldProduce.request(ApiKey.Produce, 0, Buffer.alloc(0));
    await oldProduce.closed;
    await stillServesOthers();
  });

  it('answers ApiVersions v3 (librdkafka opens with it) in the v0 format with UNSUPPORTED_VERSION', async () => {
    const client = await RawClient.connect(fixture.broker.port);
    const header = new Writer().int16(ApiKey.ApiVersions).int16(3).int32(9).string('librdkafka').int8(0).toBuffer();
    const body = Buffer.from([0x05, 0x6b, 0x63, 0x61, 0x74, 0x02, 0x31, 0x00]); // compact strings + tags
    const response = new Promise<Buffer>((resolve) => (client as unknown as { waiting: (f: Buffer) => void }).waiting = resolve);
    client.sendRaw(new Writer().int32(header.length + body.length).raw(header).raw(body).toBuffer());
    const frame = await response;
    const reader = new Reader(frame);
    expect(reader.int32()).toBe(9);
    expect(reader.int16()).toBe(ErrorCode.UnsupportedVersion);
    const keys = reader.array((r) => ({ key: r.int16(), min: r.int16(), max: r.int16() }));
    expect(keys).toContainEqual({ key: ApiKey.ApiVersions, min: 0, max: 2 });
    client.close();
  });

  it('refuses a batch with a bad CRC and a control batch from a client, and stores neither', async () => {
    const client = await RawClient.connect(fixture.broker.port);
    const corrupt = makeBatch({ values: ['tampered'] });
    corrupt[corrupt.length - 2] ^= 0x01;
    expect(produceErrorCode(await client.request(ApiKey.Produce, 3, produceBody('guarded', corrupt)))).toBe(ErrorCode.CorruptMessage);
    const control = makeBatch({ values: ['marker'], attributes: 0x20 });
    expect(produceErrorCode(await client.request(ApiKey.Produce, 3, produceBody('guarded', control), 2))).toBe(ErrorCode.InvalidRecord);
    const good = makeBatch({ values: ['fine'] });
    expect(produceErrorCode(await client.request(ApiKey.Produce, 3, produceBody('guarded', good), 3))).toBe(ErrorCode.None);
    client.close();
    const admin = fixture.kafka().admin();
    await admin.connect();
    expect(await admin.fetchTopicOffsets('guarded')).toEqual([expect.objectContaining({ low: '0', high: '1' })]);
    await admin.disconnect();
  });
});
