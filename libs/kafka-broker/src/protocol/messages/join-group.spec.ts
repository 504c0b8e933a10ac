import { MalformedFrameError, Reader } from '../reader';
import { Writer } from '../writer';
import { decodeJoinGroupRequest, encodeJoinGroupResponse, type JoinGroupResponse } from './join-group';
import { expectTruncationsRejected, kafkajsDecode, kafkajsParse, kafkajsRequestBody } from './kafkajs-oracle.spec-helper';

const VERSIONS = [0, 1, 2, 3, 4, 5];

const requestArgs = {
  groupId: 'orders-group',
  sessionTimeout: 30000,
  rebalanceTimeout: 60000,
  memberId: 'consumer-1-abc',
  protocolType: 'consumer',
  groupProtocols: [
    { name: 'RoundRobinAssigner', metadata: Buffer.from([0, 1, 2]) },
    { name: 'other', metadata: Buffer.alloc(0) },
  ],
};

function encode(version: number, response: JoinGroupResponse): Buffer {
  const writer = new Writer();
  encodeJoinGroupResponse(writer, version, response);
  return writer.toBuffer();
}

const leaderResponse: JoinGroupResponse = {
  throttleTimeMs: 0,
  errorCode: 0,
  generationId: 7,
  protocolName: 'RoundRobinAssigner',
  leader: 'm-1',
  memberId: 'm-1',
  members: [
    { memberId: 'm-1', groupInstanceId: null, metadata: Buffer.from([9, 9]) },
    { memberId: 'm-2', groupInstanceId: null, metadata: Buffer.from([8]) },
  ],
};

describe('JoinGroup codec against kafkajs', () => {
  it.each(VERSIONS)('v%i request decodes every field kafkajs sends', async (version) => {
    const body = await kafkajsRequestBody('joinGroup', version, requestArgs);
    const decoded = decodeJoinGroupRequest(new Reader(body), version);
    expect(decoded).toEqual({
      groupId: 'orders-group',
      sessionTimeoutMs: 30000,
      // v0 has no rebalance timeout: Kafka falls back to the session timeout.
      rebalanceTimeoutMs: version === 0 ? 30000 : 60000,
      memberId: 'consumer-1-abc',
      groupInstanceId: null,
      protocolType: 'consumer',
      protocols: [
        { name: 'RoundRobinAssigner', metadata: Buffer.from([0, 1, 2]) },
        { name: 'other', metadata: Buffer.alloc(0) },
      ],
    });
    expectTruncationsRejected(body, (b) => decodeJoinGroupRequest(new Reader(b), version), MalformedFrameError);
  });

  it('v5 reads a group instance id', async () => {
    const body = await kafkajsRequestBody('joinGroup', 5, { ...requestArgs, groupInstanceId: 'static-1' });
    expect(decodeJoinGroupRequest(new Reader(body), 5).groupInstanceId).toBe('static-1');
  });

  it.each(VERSIONS)('v%i response is read by kafkajs field for field', async (version) => {
    const parsed = await kafkajsParse('joinGroup', version, encode(version, { ...leaderResponse, throttleTimeMs: 3 }));
    expect(parsed).toMatchObject({
      errorCode: 0,
      generationId: 7,
      groupProtocol: 'RoundRobinAssigner',
      leaderId: 'm-1',
      memberId: 'm-1',
    });
    expect(parsed.members.map((m: { memberId: string }) => m.memberId)).toEqual(['m-1', 'm-2']);
    expect(Buffer.from(parsed.members[0].memberMetadata)).toEqual(Buffer.from([9, 9]));
    if (version >= 5) expect(parsed.members[1].groupInstanceId).toBeNull();
    if (version === 2) expect(parsed.throttleTime).toBe(3);
    if (version >= 3) expect(parsed.clientSideThrottleTime).toBe(3);
  });

  it.each([4, 5])('v%i MEMBER_ID_REQUIRED surfaces the assigned member id to kafkajs', async (version) => {
    const body = encode(version, {
      throttleTimeMs: 0,
      errorCode: 79,
      generationId: -1,
      protocolName: '',
      leader: '',
      memberId: 'consumer-1-new',
      members: [],
    });
    await expect(kafkajsParse('joinGroup', version, body)).rejects.toMatchObject({
      name: 'KafkaJSMemberIdRequired',
      memberId: 'consumer-1-new',
    });
  });

  it('an error code makes kafkajs throw the matching error', async () => {
    const body = encode(3, { ...leaderResponse, errorCode: 25, members: [] });
    await expect(kafkajsParse('joinGroup', 3, body)).rejects.toMatchObject({ type: 'UNKNOWN_MEMBER_ID' });
  });

  it('v4 and v5 differ only by the per-member instance id', async () => {
    expect(encode(5, leaderResponse).length - encode(4, leaderResponse).length).toBe(2 * leaderResponse.members.length);
    await kafkajsDecode('joinGroup', 4, encode(4, leaderResponse));
  });
});
