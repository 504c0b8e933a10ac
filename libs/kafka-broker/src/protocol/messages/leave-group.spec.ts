import { MalformedFrameError, Reader } from '../reader';
import { Writer } from '../writer';
import { expectTruncationsRejected, kafkajsParse, kafkajsRequestBody } from './kafkajs-oracle.spec-helper';
import { decodeLeaveGroupRequest, encodeLeaveGroupResponse } from './leave-group';

describe('LeaveGroup codec against kafkajs', () => {
  it.each([0, 1, 2])('v%i request carries one member, normalised into members', async (version) => {
    const body = await kafkajsRequestBody('leaveGroup', version, { groupId: 'g', memberId: 'm-1' });
    expect(decodeLeaveGroupRequest(new Reader(body), version)).toEqual({
      groupId: 'g',
      memberId: 'm-1',
      members: [{ memberId: 'm-1', groupInstanceId: null }],
    });
    expectTruncationsRejected(body, (b) => decodeLeaveGroupRequest(new Reader(b), version), MalformedFrameError);
  });

  it('v3 request carries a batch', async () => {
    const body = await kafkajsRequestBody('leaveGroup', 3, { groupId: 'g', members: [{ memberId: 'a' }, { memberId: 'b', groupInstanceId: 'i' }] });
    expect(decodeLeaveGroupRequest(new Reader(body), 3)).toEqual({
      groupId: 'g',
      memberId: '',
      members: [
        { memberId: 'a', groupInstanceId: null },
        { memberId: 'b', groupInstanceId: 'i' },
      ],
    });
    expectTruncationsRejected(body, (b) => decodeLeaveGroupRequest(new Reader(b), 3), MalformedFrameError);
  });

  it.each([0, 1, 2])('v%i response', async (version) => {
    const writer = new Writer();
    encodeLeaveGroupResponse(writer, version, { throttleTimeMs: 0, errorCode: 0, members: [] });
    expect(await kafkajsParse('leaveGroup', version, writer.toBuffer())).toMatchObject({ errorCode: 0 });
    const failed = new Writer();
    encodeLeaveGroupResponse(failed, version, { throttleTimeMs: 0, errorCode: 25, members: [] });
    await expect(kafkajsParse('leaveGroup', version, failed.toBuffer())).rejects.toMatchObject({ type: 'UNKNOWN_MEMBER_ID' });
  });

  it('v3 response lists per-member errors, and kafkajs throws on a member error', async () => {
    const writer = new Writer();
    encodeLeaveGroupResponse(writer, 3, {
      throttleTimeMs: 0,
      errorCode: 0,
      members: [{ memberId: 'a', groupInstanceId: null, errorCode: 0 }],
    });
    expect(await kafkajsParse('leaveGroup', 3, writer.toBuffer())).toMatchObject({
      errorCode: 0,
      members: [{ memberId: 'a', groupInstanceId: null, errorCode: 0 }],
    });
    const failed = new Writer();
    encodeLeaveGroupResponse(failed, 3, { throttleTimeMs: 0, errorCode: 0, members: [{ memberId: 'x', groupInstanceId: null, errorCode: 25 }] });
    await expect(kafkajsParse('leaveGroup', 3, failed.toBuffer())).rejects.toMatchObject({ type: 'UNKNOWN_MEMBER_ID' });
  });
});
