import { MalformedFrameError, Reader } from '../reader';
import { Writer } from '../writer';
import { decodeInitProducerIdRequest, encodeInitProducerIdResponse, InitProducerIdResponse } from './init-producer-id';
import { expectTruncationsRejected, kafkajsDecode, kafkajsParse, kafkajsRequestBody } from './kafkajs-oracle.spec-helper';

describe('InitProducerId', () => {
  it.each([0, 1])('v%i request: idempotent producer (null transactional id)', async (version) => {
    const body = await kafkajsRequestBody('initProducerId', version, { transactionalId: null, transactionTimeout: 30000 });
    expect(decodeInitProducerIdRequest(new Reader(body), version)).toEqual({ transactionalId: null, transactionTimeoutMs: 30000 });
    expectTruncationsRejected(body, (b) => decodeInitProducerIdRequest(new Reader(b), version), MalformedFrameError);
  });

  it.each([0, 1])('v%i request: transactional producer', async (version) => {
    const body = await kafkajsRequestBody('initProducerId', version, { transactionalId: 'tx-é', transactionTimeout: 60000 });
    expect(decodeInitProducerIdRequest(new Reader(body), version)).toEqual({ transactionalId: 'tx-é', transactionTimeoutMs: 60000 });
  });

  const response: InitProducerIdResponse = { throttleTimeMs: 1, errorCode: 0, producerId: 2 ** 45 + 1, producerEpoch: 7 };
  function encode(version: number, value: InitProducerIdResponse = response): Buffer {
    const writer = new Writer();
    encodeInitProducerIdResponse(writer, version, value);
    return writer.toBuffer();
  }

  it('v0 response: kafkajs reads pid and epoch', async () => {
    expect(await kafkajsParse('initProducerId', 0, encode(0))).toEqual({ throttleTime: 1, errorCode: 0, producerId: String(2 ** 45 + 1), producerEpoch: 7 });
  });

  it('v1 response: throttle read as client-side', async () => {
    const parsed = await kafkajsDecode('initProducerId', 1, encode(1));
    expect(parsed).toEqual({ throttleTime: 0, clientSideThrottleTime: 1, errorCode: 0, producerId: String(2 ** 45 + 1), producerEpoch: 7 });
  });

  it('an error reaches kafkajs', async () => {
    await expect(kafkajsParse('initProducerId', 1, encode(1, { ...response, errorCode: 15, producerId: -1, producerEpoch: -1 }))).rejects.toMatchObject({
      type: 'GROUP_COORDINATOR_NOT_AVAILABLE' // kafkajs's name for code 15,
    });
  });
});
