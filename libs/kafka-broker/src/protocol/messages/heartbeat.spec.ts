import { MalformedFrameError, Reader } from '../reader';
import { Writer } from '../writer';
import { decodeHeartbeatRequest, encodeHeartbeatResponse } from './heartbeat';
import { expectTruncationsRejected, kafkajsParse, kafkajsRequestBody } from './kafkajs-oracle.spec-helper';

const VERSIONS = [0, 1, 2, 3];

describe('Heartbeat codec against kafkajs', () => {
  it.each(VERSIONS)('v%i request', async (version) => {
    const body = await kafkajsRequestBody('heartbeat', version, { groupId: 'g', groupGenerationId: 12, memberId: 'm-1', groupInstanceId: null });
    expect(decodeHeartbeatRequest(new Reader(body), version)).toEqual({ groupId: 'g', generationId: 12, memberId: 'm-1', groupInstanceId: null });
    expectTruncationsRejected(body, (b) => decodeHeartbeatRequest(new Reader(b), version), MalformedFrameError);
  });

  it.each(VERSIONS)('v%i response: success, and REBALANCE_IN_PROGRESS as kafkajs error', async (version) => {
    const ok = new Writer();
    encodeHeartbeatResponse(ok, version, { throttleTimeMs: 0, errorCode: 0 });
    expect(await kafkajsParse('heartbeat', version, ok.toBuffer())).toMatchObject({ errorCode: 0 });
    const rebalancing = new Writer();
    encodeHeartbeatResponse(rebalancing, version, { throttleTimeMs: 0, errorCode: 27 });
    await expect(kafkajsParse('heartbeat', version, rebalancing.toBuffer())).rejects.toMatchObject({ type: 'REBALANCE_IN_PROGRESS' });
  });
});
