import { MalformedFrameError, Reader } from '../reader';
import { Writer } from '../writer';
import { expectTruncationsRejected, kafkajsParse, kafkajsRequestBody } from './kafkajs-oracle.spec-helper';
import { decodeSyncGroupRequest, encodeSyncGroupResponse } from './sync-group';

const VERSIONS = [0, 1, 2, 3];

describe('SyncGroup codec against kafkajs', () => {
  it.each(VERSIONS)('v%i request decodes the leader assignments', async (version) => {
    const body = await kafkajsRequestBody('syncGroup', version, {
      groupId: 'g',
      generationId: 4,
      memberId: 'm-1',
      groupAssignment: [
        { memberId: 'm-1', memberAssignment: Buffer.from([1]) },
        { memberId: 'm-2', memberAssignment: Buffer.from([2, 2]) },
      ],
    });
    expect(decodeSyncGroupRequest(new Reader(body), version)).toEqual({
      groupId: 'g',
      generationId: 4,
      memberId: 'm-1',
      groupInstanceId: null,
      assignments: [
        { memberId: 'm-1', assignment: Buffer.from([1]) },
        { memberId: 'm-2', assignment: Buffer.from([2, 2]) },
      ],
    });
    expectTruncationsRejected(body, (b) => decodeSyncGroupRequest(new Reader(b), version), MalformedFrameError);
  });

  it('v3 reads the group instance id', async () => {
    const body = await kafkajsRequestBody('syncGroup', 3, { groupId: 'g', generationId: 1, memberId: 'm', groupInstanceId: 'i', groupAssignment: [] });
    expect(decodeSyncGroupRequest(new Reader(body), 3)).toMatchObject({ groupInstanceId: 'i', assignments: [] });
  });

  it.each(VERSIONS)('v%i response gives kafkajs the member assignment', async (version) => {
    const writer = new Writer();
    encodeSyncGroupResponse(writer, version, { throttleTimeMs: 0, errorCode: 0, assignment: Buffer.from([7, 7, 7]) });
    const parsed = await kafkajsParse('syncGroup', version, writer.toBuffer());
    expect(parsed.errorCode).toBe(0);
    expect(Buffer.from(parsed.memberAssignment)).toEqual(Buffer.from([7, 7, 7]));
  });

  it.each(VERSIONS)('v%i REBALANCE_IN_PROGRESS reaches kafkajs', async (version) => {
    const writer = new Writer();
    encodeSyncGroupResponse(writer, version, { throttleTimeMs: 0, errorCode: 27, assignment: Buffer.alloc(0) });
    await expect(kafkajsParse('syncGroup', version, writer.toBuffer())).rejects.toMatchObject({ type: 'REBALANCE_IN_PROGRESS' });
  });
});
