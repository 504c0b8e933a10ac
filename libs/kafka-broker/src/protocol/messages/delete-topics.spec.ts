import { MalformedFrameError, Reader } from '../reader';
import { Writer } from '../writer';
import { decodeDeleteTopicsRequest, DeleteTopicsResponse, encodeDeleteTopicsResponse } from './delete-topics';
import { expectTruncationsRejected, kafkajsParse, kafkajsRequestBody } from './kafkajs-oracle.spec-helper';

describe('DeleteTopics', () => {
  it.each([0, 1])('v%i request: topic names and timeout', async (version) => {
    const body = await kafkajsRequestBody('deleteTopics', version, { topics: ['a', 'b'], timeout: 900 });
    expect(decodeDeleteTopicsRequest(new Reader(body), version)).toEqual({ topicNames: ['a', 'b'], timeoutMs: 900 });
    expectTruncationsRejected(body, (b) => decodeDeleteTopicsRequest(new Reader(b), version), MalformedFrameError);
  });

  const response: DeleteTopicsResponse = { throttleTimeMs: 2, responses: [{ name: 'a', errorCode: 0 }] };
  function encode(version: number, value: DeleteTopicsResponse = response): Buffer {
    const writer = new Writer();
    encodeDeleteTopicsResponse(writer, version, value);
    return writer.toBuffer();
  }

  it('v0 response: no throttle', async () => {
    expect(await kafkajsParse('deleteTopics', 0, encode(0))).toEqual({ topicErrors: [{ topic: 'a', errorCode: 0 }] });
  });

  it('v1 response: throttle first, read as client-side', async () => {
    expect(await kafkajsParse('deleteTopics', 1, encode(1))).toEqual({ throttleTime: 0, clientSideThrottleTime: 2, topicErrors: [{ topic: 'a', errorCode: 0 }] });
  });

  it('an unknown topic reaches kafkajs as UNKNOWN_TOPIC_OR_PARTITION', async () => {
    await expect(kafkajsParse('deleteTopics', 1, encode(1, { throttleTimeMs: 0, responses: [{ name: 'x', errorCode: 3 }] }))).rejects.toMatchObject({
      type: 'UNKNOWN_TOPIC_OR_PARTITION',
    });
  });
});
