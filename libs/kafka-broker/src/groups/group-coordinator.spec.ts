import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ErrorCode } from '../protocol/error-codes';
import type { JoinGroupRequest } from '../protocol/messages/join-group';
import type { OffsetCommitRequest } from '../protocol/messages/offset-commit';
import { GroupCoordinator, type GroupCoordinatorOptions } from './group-coordinator';
import { ManualClock, settle, track } from './manual-clock.spec-helper';

const SESSION = 10_000;
const REBALANCE = 30_000;
const GROUP = 'orders-group';
const RR = [{ name: 'RoundRobinAssigner', metadata: Buffer.from('rr-meta') }];

let dataDir: string;
let clock: ManualClock;
let coordinator: GroupCoordinator;

function options(overrides: Partial<GroupCoordinatorOptions> = {}): GroupCoordinatorOptions {
  return {
    dataDir,
    clock,
    minSessionTimeoutMs: 1000,
    fsync: 'never',
    hasPartition: (topic, partition) => topic !== 'missing' && partition < 3,
    ...overrides,
  };
}

async function start(overrides: Partial<GroupCoordinatorOptions> = {}): Promise<GroupCoordinator> {
  coordinator = new GroupCoordinator(options(overrides));
  await coordinator.open();
  return coordinator;
}

function joinRequest(memberId: string, overrides: Partial<JoinGroupRequest> = {}): JoinGroupRequest {
  return {
    groupId: GROUP,
    sessionTimeoutMs: SESSION,
    rebalanceTimeoutMs: REBALANCE,
    memberId,
    groupInstanceId: null,
    protocolType: 'consumer',
    protocols: RR,
    ...overrides,
  };
}

function join(memberId: string, overrides: Partial<JoinGroupRequest> = {}, version = 5) {
  return track(coordinator.joinGroup(joinRequest(memberId, overrides), version, { clientId: 'app', clientHost: '/127.0.0.1' }));
}

/** The v4+ dance: an empty id earns MEMBER_ID_REQUIRED and the id to come back with. */
async function memberIdFor(overrides: Partial<JoinGroupRequest> = {}): Promise<string> {
  const first = join('', overrides);
  await settle();
  expect(first.value).toMatchObject({ errorCode: ErrorCode.MemberIdRequired, generationId: -1 });
  expect(first.value.memberId).toMatch(/^app-/);
  return first.value.memberId;
}

function sync(memberId: string, generationId: number, assignments: Record<string, string> = {}) {
  return track(
    coordinator.syncGroup(GROUP, {
      generationId,
      memberId,
      assignments: Object.entries(assignments).map(([id, text]) => ({ memberId: id, assignment: Buffer.from(text) })),
    }),
  );
}

function commit(generationId: number, memberId: string, offset = 10, topic = 'orders', partition = 0) {
  const request: OffsetCommitRequest = {
    groupId: GROUP,
    generationId,
    memberId,
    retentionTimeMs: -1,
    topics: [{ name: topic, partitions: [{ partitionIndex: partition, committedOffset: offset, committedMetadata: null }] }],
  };
  return coordinator.commitOffsets(request)[0].partitions[0].errorCode;
}

function fetched(topic = 'orders', partition = 0): number {
  return coordinator.fetchOffsets({ groupId: GROUP, topics: [{ name: topic, partitionIndexes: [partition] }] }).topics[0].partitions[0].committedOffset;
}

function state(): string {
  return coordinator.describeGroups([GROUP])[0].groupState;
}

/** n members join together, the first is leader, everyone syncs: a Stable group. */
async function stableGroup(n: number): Promise<{ ids: string[]; generation: number }> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push(await memberIdFor());
  const joins = ids.map((id) => join(id));
  await settle();
  const results = joins.map((j) => j.value);
  const generation = results[0].generationId;
  const leader = results[0].leader;
  const assignments = Object.fromEntries(ids.map((id) => [id, `assignment-of-${id}`]));
  const syncs = ids.map((id) => sync(id, generation, id === leader ? assignments : {}));
  await settle();
  for (const [index, s] of syncs.entries()) expect(s.value).toEqual({ errorCode: 0, assignment: Buffer.from(`assignment-of-${ids[index]}`) });
  expect(state()).toBe('Stable');
  return { ids, generation };
}

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'groups-'));
  clock = new ManualClock();
});

afterEach(async () => {
  await coordinator?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('JoinGroup / SyncGroup', () => {
  it('one member: MEMBER_ID_REQUIRED, then generation 1 with itself as leader, then its assignment', async () => {
    await start();
    const id = await memberIdFor();
    expect(state()).toBe('Empty'); // a pending id is not a member yet
    const joined = join(id);
    await settle();
    expect(joined.value).toEqual({
      errorCode: 0,
      generationId: 1,
      protocolName: 'RoundRobinAssigner',
      leader: id,
      memberId: id,
      members: [{ memberId: id, groupInstanceId: null, metadata: Buffer.from('rr-meta') }],
    });
    expect(state()).toBe('CompletingRebalance');
    const synced = sync(id, 1, { [id]: 'mine' });
    await settle();
    expect(synced.value).toEqual({ errorCode: 0, assignment: Buffer.from('mine') });
    expect(coordinator.describeGroups([GROUP])[0]).toMatchObject({
      groupState: 'Stable',
      protocolType: 'consumer',
      protocolData: 'RoundRobinAssigner',
      members: [{ memberId: id, clientId: 'app', clientHost: '/127.0.0.1', memberMetadata: Buffer.from('rr-meta'), memberAssignment: Buffer.from('mine') }],
    });
    expect(coordinator.heartbeat(GROUP, 1, id)).toBe(ErrorCode.None);
  });

  it('JoinGroup v0–3 admits a member without the MEMBER_ID_REQUIRED round trip', async () => {
    await start();
    const joined = join('', {}, 3);
    await settle();
    expect(joined.value).toMatchObject({ errorCode: 0, generationId: 1 });
    expect(joined.value.leader).toBe(joined.value.memberId);
  });

  it('three members: join completes only once every pending id has rejoined; followers wait for the leader', async () => {
    await start();
    const ids = [await memberIdFor(), await memberIdFor(), await memberIdFor()];
    const first = join(ids[0]);
    const second = join(ids[1]);
    await settle();
    expect(first.done).toBe(false);
    expect(second.done).toBe(false);
    expect(state()).toBe('PreparingRebalance');
    const third = join(ids[2]);
    await settle();
    const [leaderView, followerView] = [first.value, second.value];
    expect(leaderView.leader).toBe(ids[0]);
    expect(leaderView.members.map((m) => m.memberId)).toEqual(ids);
    expect(followerView).toMatchObject({ errorCode: 0, generationId: 1, leader: ids[0], members: [] });
    expect(third.value.members).toEqual([]);

    const followerSync = sync(ids[1], 1);
    await settle();
    expect(followerSync.done).toBe(false);
    const leaderSync = sync(ids[0], 1, { [ids[0]]: 'p0', [ids[1]]: 'p1' }); // ids[2] left out on purpose
    const lateSync = sync(ids[2], 1);
    await settle();
    expect(leaderSync.value).toEqual({ errorCode: 0, assignment: Buffer.from('p0') });
    expect(followerSync.value).toEqual({ errorCode: 0, assignment: Buffer.from('p1') });
    expect(lateSync.value).toEqual({ errorCode: 0, assignment: Buffer.alloc(0) });
    expect(state()).toBe('Stable');
  });

  it('a new member triggers a rebalance that existing members learn of through Heartbeat, and the leader stays leader', async () => {
    await start();
    const { ids, generation } = await stableGroup(2);
    const newcomer = await memberIdFor();
    const newJoin = join(newcomer);
    await settle();
    expect(state()).toBe('PreparingRebalance');
    expect(coordinator.heartbeat(GROUP, generation, ids[1])).toBe(ErrorCode.RebalanceInProgress);
    // kafkajs commits before rejoining: accepted during PreparingRebalance (docs §8.2).
    expect(commit(generation, ids[1], 42)).toBe(ErrorCode.None);
    expect(fetched()).toBe(42);
    const followerJoin = join(ids[1]);
    await settle();
    expect(followerJoin.done).toBe(false);
    const leaderJoin = join(ids[0]);
    await settle();
    expect(leaderJoin.value).toMatchObject({ generationId: generation + 1, leader: ids[0] });
    expect(leaderJoin.value.members).toHaveLength(3);
    expect(newJoin.value).toMatchObject({ generationId: generation + 1, leader: ids[0], members: [] });
    expect(followerJoin.value.generationId).toBe(generation + 1);
  });

  it('commits are refused while CompletingRebalance and accepted again once Stable', async () => {
    await start();
    const id = await memberIdFor();
    join(id);
    await settle();
    expect(state()).toBe('CompletingRebalance');
    expect(commit(1, id)).toBe(ErrorCode.RebalanceInProgress);
    sync(id, 1, { [id]: 'a' });
    await settle();
    expect(commit(1, id, 7)).toBe(ErrorCode.None);
    expect(fetched()).toBe(7);
  });

  it('the leader rejoining a Stable group starts a rebalance; a follower rejoining unchanged gets the current generation', async () => {
    await start();
    const { ids, generation } = await stableGroup(2);
    const follower = join(ids[1]);
    await settle();
    expect(follower.value).toMatchObject({ errorCode: 0, generationId: generation, members: [] });
    expect(state()).toBe('Stable');
    const leader = join(ids[0]);
    await settle();
    expect(leader.done).toBe(false);
    expect(state()).toBe('PreparingRebalance');
    const followerAgain = join(ids[1]);
    await settle();
    expect(leader.value).toMatchObject({ generationId: generation + 1, leader: ids[0] });
    expect(followerAgain.value.generationId).toBe(generation + 1);
  });

  it('elects the protocol most members prefer among those all support', async () => {
    await start();
    const a = { name: 'a', metadata: Buffer.from('A') };
    const b = { name: 'b', metadata: Buffer.from('B') };
    const ids = [await memberIdFor({ protocols: [a, b] }), await memberIdFor({ protocols: [b, a] }), await memberIdFor({ protocols: [b, a] })];
    const joins = [join(ids[0], { protocols: [a, b] }), join(ids[1], { protocols: [b, a] }), join(ids[2], { protocols: [b, a] })];
    await settle();
    expect(joins[0].value.protocolName).toBe('b');
    expect(joins[0].value.members[0].metadata).toEqual(Buffer.from('B'));
  });

  it('rejects a member with no protocol in common, and session timeouts out of range', async () => {
    await start();
    await stableGroup(1);
    const other = join('', { protocols: [{ name: 'other', metadata: Buffer.alloc(0) }] });
    const tooShort = join('', { sessionTimeoutMs: 10 });
    const wrongType = join('', { protocolType: 'connect' });
    await settle();
    expect(other.value.errorCode).toBe(ErrorCode.InconsistentGroupProtocol);
    expect(tooShort.value.errorCode).toBe(ErrorCode.InvalidSessionTimeout);
    expect(wrongType.value.errorCode).toBe(ErrorCode.InconsistentGroupProtocol);
  });

  it('unknown member ids and stale generations are refused everywhere', async () => {
    await start();
    const { ids, generation } = await stableGroup(1);
    const unknownJoin = join('ghost');
    const otherGroupJoin = track(coordinator.joinGroup(joinRequest('ghost', { groupId: 'nope' }), 5, { clientId: 'x', clientHost: 'h' }));
    await settle();
    expect(unknownJoin.value.errorCode).toBe(ErrorCode.UnknownMemberId);
    expect(otherGroupJoin.value.errorCode).toBe(ErrorCode.UnknownMemberId);
    expect(coordinator.heartbeat(GROUP, generation, 'ghost')).toBe(ErrorCode.UnknownMemberId);
    expect(coordinator.heartbeat(GROUP, generation + 1, ids[0])).toBe(ErrorCode.IllegalGeneration);
    expect(coordinator.heartbeat('nope', 1, ids[0])).toBe(ErrorCode.UnknownMemberId);
    const staleSync = sync(ids[0], generation - 1);
    const ghostSync = sync('ghost', generation);
    await settle();
    expect(staleSync.value.errorCode).toBe(ErrorCode.IllegalGeneration);
    expect(ghostSync.value.errorCode).toBe(ErrorCode.UnknownMemberId);
    expect(commit(generation + 3, ids[0])).toBe(ErrorCode.IllegalGeneration);
    expect(commit(generation, 'ghost')).toBe(ErrorCode.UnknownMemberId);
  });
});

describe('timers', () => {
  it('a pending member id that never rejoins expires after the session timeout and unblocks the join', async () => {
    await start();
    const stayer = await memberIdFor();
    await memberIdFor(); // never comes back
    const joined = join(stayer);
    await settle();
    expect(joined.done).toBe(false);
    clock.advance(SESSION - 1);
    await settle();
    expect(joined.done).toBe(false);
    clock.advance(1);
    await settle();
    expect(joined.value).toMatchObject({ errorCode: 0, generationId: 1, leader: stayer });
    expect(joined.value.members).toHaveLength(1);
  });

  it('a member that stops heartbeating is expired, and the others rebalance without it', async () => {
    await start();
    const { ids, generation } = await stableGroup(2);
    clock.advance(SESSION / 2);
    expect(coordinator.heartbeat(GROUP, generation, ids[0])).toBe(ErrorCode.None);
    clock.advance(SESSION / 2);
    // ids[1] has been silent for a whole session; ids[0] heartbeated half-way.
    expect(state()).toBe('PreparingRebalance');
    expect(coordinator.heartbeat(GROUP, generation, ids[1])).toBe(ErrorCode.UnknownMemberId);
    expect(coordinator.heartbeat(GROUP, generation, ids[0])).toBe(ErrorCode.RebalanceInProgress);
    const rejoin = join(ids[0]);
    await settle();
    expect(rejoin.value).toMatchObject({ generationId: generation + 1, leader: ids[0] });
    expect(rejoin.value.members.map((m) => m.memberId)).toEqual([ids[0]]);
  });

  it('the rebalance timeout removes members that did not rejoin, even if they kept heartbeating', async () => {
    await start();
    const { ids, generation } = await stableGroup(2);
    const newcomer = await memberIdFor();
    const newJoin = join(newcomer);
    const leaderJoin = join(ids[0]);
    await settle();
    for (let elapsed = 0; elapsed < REBALANCE; elapsed += SESSION / 2) {
      expect(newJoin.done).toBe(false);
      // The straggler keeps its session alive but never rejoins.
      expect(coordinator.heartbeat(GROUP, generation, ids[1])).toBe(ErrorCode.RebalanceInProgress);
      clock.advance(SESSION / 2);
    }
    await settle();
    expect(leaderJoin.value.members.map((m) => m.memberId).sort()).toEqual([ids[0], newcomer].sort());
    expect(newJoin.value.generationId).toBe(generation + 1);
    expect(coordinator.heartbeat(GROUP, generation + 1, ids[1])).toBe(ErrorCode.UnknownMemberId);
  });

  it('members that never send SyncGroup are removed at the sync deadline, and parked followers are told to rejoin', async () => {
    await start();
    const ids = [await memberIdFor(), await memberIdFor()];
    join(ids[0]);
    join(ids[1]);
    await settle();
    const followerSync = sync(ids[1], 1);
    await settle();
    // The leader stays alive (heartbeats) but never sends its SyncGroup, e.g. a stuck assigner.
    for (let elapsed = 0; elapsed < REBALANCE; elapsed += SESSION / 2) {
      expect(followerSync.done).toBe(false);
      expect(coordinator.heartbeat(GROUP, 1, ids[0])).toBe(ErrorCode.None);
      clock.advance(SESSION / 2);
    }
    await settle();
    expect(coordinator.heartbeat(GROUP, 1, ids[0])).toBe(ErrorCode.UnknownMemberId);
    expect(followerSync.value.errorCode).toBe(ErrorCode.RebalanceInProgress);
    expect(state()).toBe('PreparingRebalance');
    const rejoin = join(ids[1]);
    await settle();
    expect(rejoin.value).toMatchObject({ generationId: 2, leader: ids[1] });
  });

  it('the last member expiring leaves an Empty group whose offsets remain', async () => {
    await start();
    const { ids, generation } = await stableGroup(1);
    expect(commit(generation, ids[0], 99)).toBe(ErrorCode.None);
    clock.advance(SESSION);
    expect(state()).toBe('Empty');
    expect(fetched()).toBe(99);
    expect(coordinator.listGroupStates()).toEqual([{ groupId: GROUP, state: 'Empty', members: 0 }]);
  });

  it('initialRebalanceDelayMs holds the first generation open so members starting together share it', async () => {
    await start({ initialRebalanceDelayMs: 3000 });
    const first = join(await memberIdFor());
    clock.advance(1000);
    await settle();
    expect(first.done).toBe(false);
    const second = join(await memberIdFor());
    clock.advance(1999);
    await settle();
    expect(first.done).toBe(false);
    clock.advance(1);
    await settle();
    expect(first.value.generationId).toBe(1);
    expect(first.value.members).toHaveLength(2);
    expect(second.value.generationId).toBe(1);
  });

  it('close() clears every timer and answers parked requests', async () => {
    await start();
    await stableGroup(1);
    const pendingId = await memberIdFor();
    const parked = join(pendingId);
    await settle();
    expect(clock.pendingTimers).toBeGreaterThan(0);
    await coordinator.close();
    await settle();
    expect(clock.pendingTimers).toBe(0);
    expect(parked.value.errorCode).toBe(ErrorCode.CoordinatorNotAvailable);
  });
});

describe('LeaveGroup and DeleteGroups', () => {
  it('a leaving member triggers a rebalance; the last one leaves the group Empty; unknown ids are reported', async () => {
    await start();
    const { ids, generation } = await stableGroup(2);
    expect(coordinator.leaveGroup(GROUP, [ids[1], 'ghost']).map((m) => m.errorCode)).toEqual([ErrorCode.None, ErrorCode.UnknownMemberId]);
    expect(state()).toBe('PreparingRebalance');
    const rejoin = join(ids[0]);
    await settle();
    expect(rejoin.value.generationId).toBe(generation + 1);
    expect(coordinator.leaveGroup(GROUP, [ids[0]])[0].errorCode).toBe(ErrorCode.None);
    expect(state()).toBe('Empty');
    expect(coordinator.leaveGroup('nope', ['x'])[0].errorCode).toBe(ErrorCode.UnknownMemberId);
  });

  it('a leave while others are parked in JoinGroup completes the join', async () => {
    await start();
    const { ids, generation } = await stableGroup(2);
    const leaderJoin = join(ids[0]);
    await settle();
    expect(leaderJoin.done).toBe(false);
    coordinator.leaveGroup(GROUP, [ids[1]]);
    await settle();
    expect(leaderJoin.value).toMatchObject({ generationId: generation + 1 });
  });

  it('DeleteGroups: NON_EMPTY_GROUP with members, GROUP_ID_NOT_FOUND if unknown, and deletes offsets of an Empty group', async () => {
    await start();
    const { ids, generation } = await stableGroup(1);
    commit(generation, ids[0], 5);
    expect(coordinator.deleteGroups([GROUP, 'nope'])).toEqual([
      { groupId: GROUP, errorCode: ErrorCode.NonEmptyGroup },
      { groupId: 'nope', errorCode: ErrorCode.GroupIdNotFound },
    ]);
    coordinator.leaveGroup(GROUP, [ids[0]]);
    expect(coordinator.deleteGroups([GROUP])).toEqual([{ groupId: GROUP, errorCode: ErrorCode.None }]);
    expect(state()).toBe('Dead');
    expect(fetched()).toBe(-1);
    expect(coordinator.listGroups()).toEqual([]);
  });
});

describe('offsets', () => {
  it('admin/simple commits (generation −1, no member) create and update an Empty group, but not a live one', async () => {
    await start();
    expect(commit(-1, '', 3)).toBe(ErrorCode.None);
    expect(fetched()).toBe(3);
    expect(coordinator.listGroups()).toEqual([{ groupId: GROUP, protocolType: '' }]);
    expect(commit(-1, '', 4)).toBe(ErrorCode.None);
    expect(fetched()).toBe(4);
    // A consumer can then join that simple group.
    await stableGroup(1);
    expect(commit(-1, '', 5)).toBe(ErrorCode.UnknownMemberId);
    expect(fetched()).toBe(4);
  });

  it('a non-negative generation for a group that does not exist is ILLEGAL_GENERATION', async () => {
    await start();
    expect(commit(3, 'someone')).toBe(ErrorCode.IllegalGeneration);
    expect(coordinator.listGroups()).toEqual([]);
  });

  it('unknown partitions are refused per partition; the others are stored', async () => {
    await start();
    const topics = coordinator.commitOffsets({
      groupId: GROUP,
      generationId: -1,
      memberId: '',
      retentionTimeMs: -1,
      topics: [
        { name: 'orders', partitions: [{ partitionIndex: 1, committedOffset: 8, committedMetadata: 'm' }, { partitionIndex: 7, committedOffset: 1, committedMetadata: null }] },
        { name: 'missing', partitions: [{ partitionIndex: 0, committedOffset: 1, committedMetadata: null }] },
      ],
    });
    expect(topics).toEqual([
      { name: 'orders', partitions: [{ partitionIndex: 1, errorCode: 0 }, { partitionIndex: 7, errorCode: ErrorCode.UnknownTopicOrPartition }] },
      { name: 'missing', partitions: [{ partitionIndex: 0, errorCode: ErrorCode.UnknownTopicOrPartition }] },
    ]);
    expect(coordinator.fetchOffsets({ groupId: GROUP, topics: null })).toEqual({
      errorCode: 0,
      topics: [{ name: 'orders', partitions: [{ partitionIndex: 1, committedOffset: 8, committedMetadata: 'm', errorCode: 0 }] }],
    });
  });

  it('OffsetFetch answers −1 without error for unknown groups and partitions, and null topics means all', async () => {
    await start();
    commit(-1, '', 11, 'orders', 0);
    commit(-1, '', 12, 'orders', 2);
    commit(-1, '', 13, 'audit', 1);
    expect(coordinator.fetchOffsets({ groupId: 'nope', topics: [{ name: 'orders', partitionIndexes: [0] }] })).toEqual({
      errorCode: 0,
      topics: [{ name: 'orders', partitions: [{ partitionIndex: 0, committedOffset: -1, committedMetadata: '', errorCode: 0 }] }],
    });
    expect(fetched('orders', 1)).toBe(-1);
    const all = coordinator.fetchOffsets({ groupId: GROUP, topics: null });
    expect(all.topics.map((t) => [t.name, t.partitions.map((p) => [p.partitionIndex, p.committedOffset])])).toEqual([
      ['audit', [[1, 13]]],
      ['orders', [[0, 11], [2, 12]]],
    ]);
    expect(coordinator.fetchOffsets({ groupId: 'nope', topics: null }).topics).toEqual([]);
  });

  it('forgetTopic drops a deleted topic\'s offsets', async () => {
    await start();
    commit(-1, '', 11, 'orders', 0);
    commit(-1, '', 13, 'audit', 1);
    coordinator.forgetTopic('orders');
    expect(fetched('orders', 0)).toBe(-1);
    expect(fetched('audit', 1)).toBe(13);
  });
});

describe('persistence', () => {
  async function restart(overrides: Partial<GroupCoordinatorOptions> = {}): Promise<void> {
    await coordinator.close();
    await start(overrides);
  }

  it('offsets and the Stable group (generation, leader, assignments) survive a restart; members must keep heartbeating', async () => {
    await start();
    const { ids, generation } = await stableGroup(2);
    commit(generation, ids[0], 100, 'orders', 0);
    commit(generation, ids[1], 200, 'orders', 1);
    await restart();
    expect(fetched('orders', 0)).toBe(100);
    expect(fetched('orders', 1)).toBe(200);
    expect(coordinator.describeGroups([GROUP])[0]).toMatchObject({
      groupState: 'Stable',
      protocolData: 'RoundRobinAssigner',
      members: [
        { memberId: ids[0], memberAssignment: Buffer.from(`assignment-of-${ids[0]}`) },
        { memberId: ids[1], memberAssignment: Buffer.from(`assignment-of-${ids[1]}`) },
      ],
    });
    // A consumer that outlived the restart resumes without a rebalance...
    expect(coordinator.heartbeat(GROUP, generation, ids[0])).toBe(ErrorCode.None);
    const resync = sync(ids[0], generation);
    await settle();
    expect(resync.value.assignment).toEqual(Buffer.from(`assignment-of-${ids[0]}`));
    // ...and one that is gone expires, which rebalances the survivor.
    clock.advance(SESSION / 2);
    expect(coordinator.heartbeat(GROUP, generation, ids[0])).toBe(ErrorCode.None);
    clock.advance(SESSION / 2);
    expect(coordinator.heartbeat(GROUP, generation, ids[1])).toBe(ErrorCode.UnknownMemberId);
    expect(state()).toBe('PreparingRebalance');
  });

  it('a torn tail (crash mid-write) is truncated and everything before it is kept', async () => {
    await start();
    commit(-1, '', 1, 'orders', 0);
    commit(-1, '', 2, 'orders', 1);
    await coordinator.close();
    const file = path.join(dataDir, 'groups.log');
    const intact = fs.readFileSync(file);
    // Half of a further frame: a plausible length header and a few payload bytes.
    fs.appendFileSync(file, Buffer.from([0, 0, 0, 40, 1, 2, 3, 4, 123, 34]));
    await start();
    expect(fetched('orders', 0)).toBe(1);
    expect(fetched('orders', 1)).toBe(2);
    expect(fs.readFileSync(file)).toEqual(intact);
    // And appending after the repair works.
    commit(-1, '', 3, 'orders', 2);
    await restart();
    expect(fetched('orders', 2)).toBe(3);
  });

  it('a corrupted last entry (bad CRC) is dropped, not misread', async () => {
    await start();
    commit(-1, '', 1, 'orders', 0);
    const sizeAfterFirst = fs.statSync(path.join(dataDir, 'groups.log')).size;
    commit(-1, '', 2, 'orders', 0);
    await coordinator.close();
    const file = path.join(dataDir, 'groups.log');
    const data = fs.readFileSync(file);
    // Still valid JSON, a different offset: only the CRC can tell.
    const at = data.lastIndexOf(Buffer.from('["orders",0,2,'));
    expect(at).toBeGreaterThan(sizeAfterFirst);
    data[at + '["orders",0,'.length] = '9'.charCodeAt(0);
    fs.writeFileSync(file, data);
    await start();
    expect(fetched('orders', 0)).toBe(1);
    expect(fs.statSync(file).size).toBe(sizeAfterFirst);
  });

  it('compaction rewrites the log as a snapshot that restores the same state', async () => {
    await start({ compactAtBytes: 2048 });
    const { ids, generation } = await stableGroup(1);
    for (let i = 0; i < 200; i++) expect(commit(generation, ids[0], i, 'orders', i % 3)).toBe(ErrorCode.None);
    const size = fs.statSync(path.join(dataDir, 'groups.log')).size;
    expect(size).toBeLessThan(200 * 60); // 200 commit entries would be far larger than a snapshot
    expect(fs.existsSync(path.join(dataDir, 'groups.log.tmp'))).toBe(false);
    await restart();
    expect([fetched('orders', 0), fetched('orders', 1), fetched('orders', 2)]).toEqual([198, 199, 197]);
    expect(coordinator.describeGroups([GROUP])[0]).toMatchObject({ groupState: 'Stable', members: [{ memberId: ids[0] }] });
  });

  it('deletions and forgotten topics stay deleted after a restart', async () => {
    await start();
    commit(-1, '', 1, 'orders', 0);
    commit(-1, '', 1, 'audit', 0);
    coordinator.forgetTopic('audit');
    await restart();
    expect(fetched('audit', 0)).toBe(-1);
    expect(coordinator.deleteGroups([GROUP])[0].errorCode).toBe(ErrorCode.None);
    await restart();
    expect(coordinator.listGroups()).toEqual([]);
    expect(fetched('orders', 0)).toBe(-1);
  });

  it('an acknowledged commit is on disk at once, without close() (what a SIGKILL leaves)', async () => {
    await start({ fsync: 'always' });
    commit(-1, '', 77, 'orders', 0);
    const copyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'groups-copy-'));
    fs.copyFileSync(path.join(dataDir, 'groups.log'), path.join(copyDir, 'groups.log'));
    const other = new GroupCoordinator({ ...options(), dataDir: copyDir });
    await other.open();
    expect(other.fetchOffsets({ groupId: GROUP, topics: [{ name: 'orders', partitionIndexes: [0] }] }).topics[0].partitions[0].committedOffset).toBe(77);
    await other.close();
    fs.rmSync(copyDir, { recursive: true, force: true });
  });
});
