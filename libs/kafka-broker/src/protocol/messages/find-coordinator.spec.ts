import { MalformedFrameError, Reader } from '../reader';
import { Writer } from '../writer';
import { decodeFindCoordinatorRequest, encodeFindCoordinatorResponse } from './find-coordinator';
import { expectTruncationsRejected, kafkajsParse, kafkajsRequestBody } from './kafkajs-oracle.spec-helper';

const node = { nodeId: 0, host: '127.0.0.1', port: 39092 };

describe('FindCoordinator codec against kafkajs', () => {
  it('v0 request carries only the group id', async () => {
    const body = await kafkajsRequestBody('findCoordinator', 0, { groupId: 'g' });
    expect(decodeFindCoordinatorRequest(new Reader(body), 0)).toEqual({ key: 'g', keyType: 0 });
    expectTruncationsRejected(body, (b) => decodeFindCoordinatorRequest(new Reader(b), 0), MalformedFrameError);
  });

  it.each([1, 2])('v%i request carries the key type', async (version) => {
    const body = await kafkajsRequestBody('findCoordinator', version, { coordinatorKey: 'tx-1', coordinatorType: 1 });
    expect(decodeFindCoordinatorRequest(new Reader(body), version)).toEqual({ key: 'tx-1', keyType: 1 });
    expectTruncationsRejected(body, (b) => decodeFindCoordinatorRequest(new Reader(b), version), MalformedFrameError);
  });

  it.each([0, 1, 2])('v%i response names this node', async (version) => {
    const writer = new Writer();
    encodeFindCoordinatorResponse(writer, version, { throttleTimeMs: 0, errorCode: 0, errorMessage: null, ...node });
    const parsed = await kafkajsParse('findCoordinator', version, writer.toBuffer());
    expect(parsed).toMatchObject({ errorCode: 0, coordinator: node });
    if (version >= 1) expect(parsed.errorMessage).toBeNull();
  });

  it.each([0, 1, 2])('v%i COORDINATOR_NOT_AVAILABLE is retriable in kafkajs', async (version) => {
    const writer = new Writer();
    encodeFindCoordinatorResponse(writer, version, { throttleTimeMs: 0, errorCode: 15, errorMessage: 'loading', nodeId: -1, host: '', port: -1 });
    await expect(kafkajsParse('findCoordinator', version, writer.toBuffer())).rejects.toMatchObject({
      type: 'GROUP_COORDINATOR_NOT_AVAILABLE',
      retriable: true,
    });
  });
});
