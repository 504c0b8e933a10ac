import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ApiKey } from '../protocol/api-keys';
import { kafkajsDecode, kafkajsParse, kafkajsRequestBody } from '../protocol/messages/kafkajs-oracle.spec-helper';
import { Reader } from '../protocol/reader';
import type { ApiHandlers } from '../server/api-handler';
import { GroupCoordinator } from './group-coordinator';
import { createGroupHandlers } from './group-handlers';
import { ManualClock } from './manual-clock.spec-helper';

const node = { nodeId: 0, host: 'localhost', port: 39092 };
const context = { clientId: 'app', clientHost: '/127.0.0.1', connectionId: 1 };

let dataDir: string;
let coordinator: GroupCoordinator;
let handlers: ApiHandlers;

async function call(apiKey: ApiKey, dir: string, version: number, args: unknown): Promise<Buffer> {
  const body = await kafkajsRequestBody(dir, version, args);
  const response = await handlers[apiKey]!({ apiKey, version, body: new Reader(body), context });
  return response!;
}

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'group-handlers-'));
  coordinator = new GroupCoordinator({ dataDir, clock: new ManualClock(), fsync: 'never', hasPartition: () => true });
  handlers = createGroupHandlers(coordinator, () => node);
});

afterEach(async () => {
  await coordinator.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('group handlers (kafkajs request in, kafkajs-decoded response out)', () => {
  it('covers all ten group APIs', () => {
    expect(Object.keys(handlers).map(Number).sort((a, b) => a - b)).toEqual(
      [ApiKey.OffsetCommit, ApiKey.OffsetFetch, ApiKey.FindCoordinator, ApiKey.JoinGroup, ApiKey.Heartbeat, ApiKey.LeaveGroup, ApiKey.SyncGroup, ApiKey.DescribeGroups, ApiKey.ListGroups, ApiKey.DeleteGroups].sort((a, b) => a - b),
    );
  });

  it('FindCoordinator: COORDINATOR_NOT_AVAILABLE until open, then this node for groups and transactions', async () => {
    await expect(kafkajsParse('findCoordinator', 2, await call(ApiKey.FindCoordinator, 'findCoordinator', 2, { coordinatorKey: 'g', coordinatorType: 0 }))).rejects.toMatchObject({ retriable: true });
    await coordinator.open();
    for (const coordinatorType of [0, 1]) {
      const parsed = await kafkajsParse('findCoordinator', 2, await call(ApiKey.FindCoordinator, 'findCoordinator', 2, { coordinatorKey: 'g', coordinatorType }));
      expect(parsed.coordinator).toEqual(node);
    }
    const v0 = await kafkajsParse('findCoordinator', 0, await call(ApiKey.FindCoordinator, 'findCoordinator', 0, { groupId: 'g' }));
    expect(v0.coordinator).toEqual(node);
  });

  it('JoinGroup v5 → MEMBER_ID_REQUIRED, rejoin, SyncGroup, Heartbeat, OffsetCommit, OffsetFetch, LeaveGroup v3', async () => {
    await coordinator.open();
    const joinArgs = { groupId: 'g', sessionTimeout: 10000, rebalanceTimeout: 20000, memberId: '', protocolType: 'consumer', groupProtocols: [{ name: 'RoundRobinAssigner', metadata: Buffer.from('m') }] };
    const required = await kafkajsParse('joinGroup', 5, await call(ApiKey.JoinGroup, 'joinGroup', 5, joinArgs)).catch((e) => e);
    expect(required.name).toBe('KafkaJSMemberIdRequired');
    expect(required.memberId).toMatch(/^app-/);
    const joined = await kafkajsParse('joinGroup', 5, await call(ApiKey.JoinGroup, 'joinGroup', 5, { ...joinArgs, memberId: required.memberId }));
    expect(joined).toMatchObject({ generationId: 1, leaderId: required.memberId, memberId: required.memberId });
    const memberId = required.memberId;
    const synced = await kafkajsParse(
      'syncGroup',
      3,
      await call(ApiKey.SyncGroup, 'syncGroup', 3, { groupId: 'g', generationId: 1, memberId, groupAssignment: [{ memberId, memberAssignment: Buffer.from('a') }] }),
    );
    expect(Buffer.from(synced.memberAssignment)).toEqual(Buffer.from('a'));
    await kafkajsParse('heartbeat', 3, await call(ApiKey.Heartbeat, 'heartbeat', 3, { groupId: 'g', groupGenerationId: 1, memberId, groupInstanceId: null }));
    await kafkajsParse(
      'offsetCommit',
      5,
      await call(ApiKey.OffsetCommit, 'offsetCommit', 5, { groupId: 'g', groupGenerationId: 1, memberId, topics: [{ topic: 't', partitions: [{ partition: 0, offset: '5' }] }] }),
    );
    const fetched = await kafkajsParse('offsetFetch', 4, await call(ApiKey.OffsetFetch, 'offsetFetch', 4, { groupId: 'g', topics: [] }));
    expect(fetched.responses).toEqual([{ topic: 't', partitions: [{ partition: 0, offset: '5', metadata: null, errorCode: 0 }] }]);
    const left = await kafkajsParse('leaveGroup', 3, await call(ApiKey.LeaveGroup, 'leaveGroup', 3, { groupId: 'g', members: [{ memberId }] }));
    expect(left.members).toEqual([{ memberId, groupInstanceId: null, errorCode: 0 }]);
    const described = await kafkajsParse('describeGroups', 2, await call(ApiKey.DescribeGroups, 'describeGroups', 2, { groupIds: ['g'] }));
    expect(described.groups[0]).toMatchObject({ groupId: 'g', state: 'Empty', protocolType: 'consumer' });
    const listed = await kafkajsParse('listGroups', 2, await call(ApiKey.ListGroups, 'listGroups', 2, undefined));
    expect(listed.groups).toEqual([{ groupId: 'g', protocolType: 'consumer' }]);
    const deleted = await kafkajsDecode('deleteGroups', 1, await call(ApiKey.DeleteGroups, 'deleteGroups', 1, ['g']));
    expect(deleted.results).toEqual([{ groupId: 'g', errorCode: 0 }]);
  });

  it('LeaveGroup v0–2 report the member error at the top level', async () => {
    await coordinator.open();
    await expect(kafkajsParse('leaveGroup', 1, await call(ApiKey.LeaveGroup, 'leaveGroup', 1, { groupId: 'g', memberId: 'ghost' }))).rejects.toMatchObject({
      type: 'UNKNOWN_MEMBER_ID',
    });
  });

  it('OffsetFetch v1 has no group error field, so a coordinator error is reported per partition', async () => {
    const decoded = await kafkajsDecode('offsetFetch', 1, await call(ApiKey.OffsetFetch, 'offsetFetch', 1, { groupId: 'g', topics: [{ topic: 't', partitions: [{ partition: 2 }] }] }));
    expect(decoded.responses).toEqual([{ topic: 't', partitions: [{ partition: 2, offset: '-1', metadata: '', errorCode: 15 }] }]);
  });
});
