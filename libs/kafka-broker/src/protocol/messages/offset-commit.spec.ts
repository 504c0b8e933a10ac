import { MalformedFrameError, Reader } from '../reader';
import { Writer } from '../writer';
import { expectTruncationsRejected, kafkajsParse, kafkajsRequestBody } from './kafkajs-oracle.spec-helper';
import { decodeOffsetCommitRequest, encodeOffsetCommitResponse, type OffsetCommitResponse } from './offset-commit';

const VERSIONS = [2, 3, 4, 5];

const args = {
  groupId: 'g',
  groupGenerationId: 3,
  memberId: 'm-1',
  retentionTime: 86400000,
  topics: [
    {
      topic: 'orders',
      partitions: [
        { partition: 0, offset: '42', metadata: 'note' },
        { partition: 1, offset: '9007199254740991' },
      ],
    },
  ],
};

describe('OffsetCommit codec against kafkajs', () => {
  it.each(VERSIONS)('v%i request', async (version) => {
    const body = await kafkajsRequestBody('offsetCommit', version, args);
    expect(decodeOffsetCommitRequest(new Reader(body), version)).toEqual({
      groupId: 'g',
      generationId: 3,
      memberId: 'm-1',
      // v5 removed retention_time; v2–4 carry it.
      retentionTimeMs: version <= 4 ? 86400000 : -1,
      topics: [
        {
          name: 'orders',
          partitions: [
            { partitionIndex: 0, committedOffset: 42, committedMetadata: 'note' },
            { partitionIndex: 1, committedOffset: 9007199254740991, committedMetadata: null },
          ],
        },
      ],
    });
    expectTruncationsRejected(body, (b) => decodeOffsetCommitRequest(new Reader(b), version), MalformedFrameError);
  });

  it('admin setOffsets form: generation −1 and empty member', async () => {
    const body = await kafkajsRequestBody('offsetCommit', 5, { ...args, groupGenerationId: -1, memberId: '' });
    expect(decodeOffsetCommitRequest(new Reader(body), 5)).toMatchObject({ generationId: -1, memberId: '' });
  });

  const response: OffsetCommitResponse = {
    throttleTimeMs: 0,
    topics: [{ name: 'orders', partitions: [{ partitionIndex: 0, errorCode: 0 }, { partitionIndex: 1, errorCode: 0 }] }],
  };

  it.each(VERSIONS)('v%i response', async (version) => {
    const writer = new Writer();
    encodeOffsetCommitResponse(writer, version, response);
    const parsed = await kafkajsParse('offsetCommit', version, writer.toBuffer());
    expect(parsed.responses).toEqual([{ topic: 'orders', partitions: [{ partition: 0, errorCode: 0 }, { partition: 1, errorCode: 0 }] }]);
  });

  it.each(VERSIONS)('v%i partition error becomes a kafkajs error', async (version) => {
    const writer = new Writer();
    encodeOffsetCommitResponse(writer, version, { throttleTimeMs: 0, topics: [{ name: 't', partitions: [{ partitionIndex: 0, errorCode: 22 }] }] });
    await expect(kafkajsParse('offsetCommit', version, writer.toBuffer())).rejects.toMatchObject({ type: 'ILLEGAL_GENERATION' });
  });
});
