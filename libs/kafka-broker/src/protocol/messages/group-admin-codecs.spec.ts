import { MalformedFrameError, Reader } from '../reader';
import { Writer } from '../writer';
import { decodeDeleteGroupsRequest, encodeDeleteGroupsResponse } from './delete-groups';
import { decodeDescribeGroupsRequest, encodeDescribeGroupsResponse, type DescribeGroupsResponse } from './describe-groups';
import { expectTruncationsRejected, kafkajsDecode, kafkajsParse, kafkajsRequestBody } from './kafkajs-oracle.spec-helper';
import { decodeListGroupsRequest, encodeListGroupsResponse } from './list-groups';

describe('DescribeGroups codec against kafkajs', () => {
  it.each([0, 1, 2])('v%i request', async (version) => {
    const body = await kafkajsRequestBody('describeGroups', version, { groupIds: ['a', 'b'] });
    expect(decodeDescribeGroupsRequest(new Reader(body), version)).toEqual({ groups: ['a', 'b'] });
    expectTruncationsRejected(body, (b) => decodeDescribeGroupsRequest(new Reader(b), version), MalformedFrameError);
  });

  const response: DescribeGroupsResponse = {
    throttleTimeMs: 0,
    groups: [
      {
        errorCode: 0,
        groupId: 'a',
        groupState: 'Stable',
        protocolType: 'consumer',
        protocolData: 'RoundRobinAssigner',
        members: [
          { memberId: 'm-1', clientId: 'c', clientHost: '/127.0.0.1', memberMetadata: Buffer.from([1]), memberAssignment: Buffer.from([2, 3]) },
        ],
      },
      { errorCode: 0, groupId: 'b', groupState: 'Dead', protocolType: '', protocolData: '', members: [] },
    ],
  };

  it.each([0, 1, 2])('v%i response', async (version) => {
    const writer = new Writer();
    encodeDescribeGroupsResponse(writer, version, response);
    const parsed = await kafkajsParse('describeGroups', version, writer.toBuffer());
    expect(parsed.groups).toHaveLength(2);
    expect(parsed.groups[0]).toMatchObject({ errorCode: 0, groupId: 'a', state: 'Stable', protocolType: 'consumer', protocol: 'RoundRobinAssigner' });
    expect(parsed.groups[0].members[0]).toMatchObject({ memberId: 'm-1', clientId: 'c', clientHost: '/127.0.0.1' });
    expect(Buffer.from(parsed.groups[0].members[0].memberAssignment)).toEqual(Buffer.from([2, 3]));
    expect(parsed.groups[1]).toMatchObject({ groupId: 'b', state: 'Dead', members: [] });
  });
});

describe('ListGroups codec against kafkajs', () => {
  it.each([0, 1, 2])('v%i request is empty and response lists groups', async (version) => {
    const body = await kafkajsRequestBody('listGroups', version, undefined);
    expect(body.length).toBe(0);
    expect(decodeListGroupsRequest(new Reader(body), version)).toEqual({});
    const writer = new Writer();
    encodeListGroupsResponse(writer, version, {
      throttleTimeMs: 0,
      errorCode: 0,
      groups: [
        { groupId: 'a', protocolType: 'consumer' },
        { groupId: 'simple', protocolType: '' },
      ],
    });
    const parsed = await kafkajsParse('listGroups', version, writer.toBuffer());
    expect(parsed).toMatchObject({
      errorCode: 0,
      groups: [
        { groupId: 'a', protocolType: 'consumer' },
        { groupId: 'simple', protocolType: '' },
      ],
    });
  });
});

describe('DeleteGroups codec against kafkajs', () => {
  it.each([0, 1])('v%i request and per-group results', async (version) => {
    const body = await kafkajsRequestBody('deleteGroups', version, ['a', 'b']);
    expect(decodeDeleteGroupsRequest(new Reader(body), version)).toEqual({ groupsNames: ['a', 'b'] });
    expectTruncationsRejected(body, (b) => decodeDeleteGroupsRequest(new Reader(b), version), MalformedFrameError);
    const writer = new Writer();
    encodeDeleteGroupsResponse(writer, version, {
      throttleTimeMs: 0,
      results: [
        { groupId: 'a', errorCode: 0 },
        { groupId: 'b', errorCode: 68 },
      ],
    });
    const decoded = await kafkajsDecode('deleteGroups', version, writer.toBuffer());
    expect(decoded.results[0]).toEqual({ groupId: 'a', errorCode: 0 });
    expect(decoded.results[1]).toMatchObject({ groupId: 'b', errorCode: 68, error: expect.objectContaining({ type: 'NON_EMPTY_GROUP' }) });
  });
});
