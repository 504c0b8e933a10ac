import * as path from 'node:path';
import type { FsyncPolicy } from '../log/fsync-policy';
import { ErrorCode } from '../protocol/error-codes';
import type { DescribedGroup } from '../protocol/messages/describe-groups';
import type { JoinGroupRequest } from '../protocol/messages/join-group';
import type { LeaveGroupResponseMember } from '../protocol/messages/leave-group';
import type { OffsetCommitRequest, OffsetCommitResponseTopic } from '../protocol/messages/offset-commit';
import type { OffsetFetchRequest, OffsetFetchResponseTopic } from '../protocol/messages/offset-fetch';
import type { ListedGroup } from '../protocol/messages/list-groups';
import type { DeleteGroupsResult } from '../protocol/messages/delete-groups';
import { ClassicGroup, type GroupHost } from './classic-group';
import { systemClock, type GroupClock } from './group-clock';
import { GroupLog } from './group-log';
import { persistGroup, persistOffsets, replayGroupLog, type GroupLogEntry, type PersistedCommit, type PersistedGroup } from './group-persistence';
import type { GroupStateSummary, JoinGroupResult, SyncGroupResult, SyncParams } from './group-types';

export interface GroupCoordinatorOptions {
  /** Directory for `groups.log`. */
  dataDir: string;
  /** Kafka's group.min.session.timeout.ms; tests lower it to expire crashed members quickly. */
  minSessionTimeoutMs?: number;
  maxSessionTimeoutMs?: number;
  /** Kafka defaults to 3000; 0 suits dev and tests (as kafkajs's own test cluster uses). */
  initialRebalanceDelayMs?: number;
  fsync?: FsyncPolicy;
  fsyncIntervalMs?: number;
  /** Compact the log into a snapshot once it exceeds this size (and twice its last compacted size). */
  compactAtBytes?: number;
  /** Commits for partitions that do not exist get UNKNOWN_TOPIC_OR_PARTITION. */
  hasPartition(topic: string, partition: number): boolean;
  clock?: GroupClock;
}

/** Who sent a JoinGroup: member ids and DescribeGroups show these. */
export interface JoinContext {
  clientId: string | null;
  clientHost: string;
}

const LOG_FILE = 'groups.log';

/**
 * The group coordinator of this single node: owns every classic group, their committed offsets and their
 * persistence. Restart behaviour: groups come back with their generation, members and assignments and
 * members' session timers restarted. A kafkajs consumer that outlives a broker restart reconnects, its
 * next Heartbeat succeeds and it carries on without a rebalance; members that are gone expire after their
 * session timeout, which triggers the rebalance that reassigns their partitions.
 */
export class GroupCoordinator {
  private groups = new Map<string, ClassicGroup>();
  private readonly log: GroupLog<GroupLogEntry>;
  private readonly host: GroupHost;
  private readonly minSessionTimeoutMs: number;
  private readonly maxSessionTimeoutMs: number;
  private readonly compactAtBytes: number;
  private readonly clock: GroupClock;
  private compactedBytes = 0;
  private opened = false;
  /**
   * The last group state written to the log, per group. Compaction writes these rather than the live
   * state, so a snapshot taken mid-rebalance never records a generation whose assignments do not exist.
   */
  private readonly persisted = new Map<string, PersistedGroup>();

  constructor(private readonly options: GroupCoordinatorOptions) {
    this.minSessionTimeoutMs = options.minSessionTimeoutMs ?? 6000;
    this.maxSessionTimeoutMs = options.maxSessionTimeoutMs ?? 1_800_000;
    this.compactAtBytes = options.compactAtBytes ?? 4 * 1024 * 1024;
    this.clock = options.clock ?? systemClock;
    this.log = new GroupLog(path.join(options.dataDir, LOG_FILE), {
      fsync: options.fsync ?? 'interval',
      fsyncIntervalMs: options.fsyncIntervalMs ?? 1000,
    });
    this.host = {
      clock: this.clock,
      initialRebalanceDelayMs: options.initialRebalanceDelayMs ?? 0,
      persistGroup: (group) => {
        const state = persistGroup(group);
        this.persisted.set(group.groupId, state);
        this.append({ type: 'group', group: state });
      },
    };
  }

  /** False before open() and after close(): FindCoordinator then answers COORDINATOR_NOT_AVAILABLE. */
  get isReady(): boolean {
    return this.opened;
  }

  async open(): Promise<void> {
    if (this.opened) return;
    this.groups = replayGroupLog(this.log.open(), this.host);
    this.compactedBytes = this.log.size;
    this.persisted.clear();
    for (const group of this.groups.values()) {
      this.persisted.set(group.groupId, persistGroup(group));
      group.armAllSessions();
    }
    this.opened = true;
  }

  async close(): Promise<void> {
    if (!this.opened) return;
    this.opened = false;
    for (const group of this.groups.values()) group.shutdown();
    this.log.close();
  }

  // ---- membership APIs -------------------------------------------------------------------------------

  async joinGroup(request: JoinGroupRequest, version: number, context: JoinContext): Promise<JoinGroupResult> {
    const error = (errorCode: ErrorCode): JoinGroupResult => ({
      errorCode,
      generationId: -1,
      protocolName: '',
      leader: '',
      memberId: request.memberId,
      members: [],
    });
    if (!this.opened) return error(ErrorCode.CoordinatorNotAvailable);
    if (request.groupId === '') return error(ErrorCode.InvalidGroupId);
    if (request.sessionTimeoutMs < this.minSessionTimeoutMs || request.sessionTimeoutMs > this.maxSessionTimeoutMs) {
      return error(ErrorCode.InvalidSessionTimeout);
    }
    let group = this.groups.get(request.groupId);
    if (!group) {
      // Kafka: only a member without an id may create a group.
      if (request.memberId !== '') return error(ErrorCode.UnknownMemberId);
      group = new ClassicGroup(request.groupId, this.host);
      this.groups.set(request.groupId, group);
    }
    return group.join({
      sessionTimeoutMs: request.sessionTimeoutMs,
      rebalanceTimeoutMs: request.rebalanceTimeoutMs,
      memberId: request.memberId,
      groupInstanceId: request.groupInstanceId,
      protocolType: request.protocolType,
      protocols: request.protocols,
      clientId: context.clientId ?? '',
      clientHost: context.clientHost,
      requireKnownMemberId: version >= 4,
    });
  }

  async syncGroup(groupId: string, params: SyncParams): Promise<SyncGroupResult> {
    const group = this.opened ? this.groups.get(groupId) : undefined;
    if (!this.opened) return { errorCode: ErrorCode.CoordinatorNotAvailable, assignment: Buffer.alloc(0) };
    if (!group) return { errorCode: ErrorCode.UnknownMemberId, assignment: Buffer.alloc(0) };
    return group.sync(params);
  }

  heartbeat(groupId: string, generationId: number, memberId: string): ErrorCode {
    if (!this.opened) return ErrorCode.CoordinatorNotAvailable;
    const group = this.groups.get(groupId);
    return group ? group.heartbeat(generationId, memberId) : ErrorCode.UnknownMemberId;
  }

  /** One result per member, in request order (LeaveGroup v3 batches; v0–2 send one). */
  leaveGroup(groupId: string, memberIds: string[]): LeaveGroupResponseMember[] {
    const group = this.groups.get(groupId);
    return memberIds.map((memberId) => ({
      memberId,
      groupInstanceId: null,
      errorCode: !this.opened ? ErrorCode.CoordinatorNotAvailable : group ? group.leave(memberId) : ErrorCode.UnknownMemberId,
    }));
  }

  // ---- offsets ---------------------------------------------------------------------------------------

  commitOffsets(request: OffsetCommitRequest): OffsetCommitResponseTopic[] {
    const groupError = this.validateCommit(request);
    const timestamp = this.clock.now();
    const commits: PersistedCommit[] = [];
    const topics = request.topics.map((topic) => ({
      name: topic.name,
      partitions: topic.partitions.map((partition) => {
        let errorCode = groupError;
        if (errorCode === ErrorCode.None && !this.options.hasPartition(topic.name, partition.partitionIndex)) {
          errorCode = ErrorCode.UnknownTopicOrPartition;
        }
        if (errorCode === ErrorCode.None) {
          commits.push([topic.name, partition.partitionIndex, partition.committedOffset, partition.committedMetadata, timestamp]);
        }
        return { partitionIndex: partition.partitionIndex, errorCode };
      }),
    }));
    if (commits.length > 0) {
      let group = this.groups.get(request.groupId);
      if (!group) {
        // A simple group (admin setOffsets, or a consumer using assign()): it exists only for its offsets.
        group = new ClassicGroup(request.groupId, this.host);
        this.groups.set(request.groupId, group);
      }
      // Written before it is applied and answered: an acknowledged commit is never lost to a crash.
      this.append({ type: 'offsets', groupId: request.groupId, commits });
      for (const [topic, partition, offset, metadata, commitTimestamp] of commits) {
        group.offsets.set(topic, partition, { offset, metadata, commitTimestamp });
      }
    }
    return topics;
  }

  private validateCommit(request: OffsetCommitRequest): ErrorCode {
    if (!this.opened) return ErrorCode.CoordinatorNotAvailable;
    if (request.groupId === '') return ErrorCode.InvalidGroupId;
    const group = this.groups.get(request.groupId);
    if (!group) return request.generationId < 0 ? ErrorCode.None : ErrorCode.IllegalGeneration;
    return group.validateCommit(request.generationId, request.memberId);
  }

  fetchOffsets(request: OffsetFetchRequest): { errorCode: ErrorCode; topics: OffsetFetchResponseTopic[] } {
    if (!this.opened) return { errorCode: ErrorCode.CoordinatorNotAvailable, topics: [] };
    const group = this.groups.get(request.groupId);
    if (request.topics === null) {
      // All committed partitions of the group (v2+ null array).
      const byTopic = new Map<string, OffsetFetchResponseTopic>();
      for (const { topic, partition, committed } of group?.offsets.entries() ?? []) {
        let entry = byTopic.get(topic);
        if (!entry) byTopic.set(topic, (entry = { name: topic, partitions: [] }));
        entry.partitions.push({ partitionIndex: partition, committedOffset: committed.offset, committedMetadata: committed.metadata, errorCode: 0 });
      }
      return { errorCode: ErrorCode.None, topics: [...byTopic.values()] };
    }
    return {
      errorCode: ErrorCode.None,
      topics: request.topics.map((topic) => ({
        name: topic.name,
        partitions: topic.partitionIndexes.map((partitionIndex) => {
          const committed = group?.offsets.get(topic.name, partitionIndex);
          // Nothing committed: offset −1 and no error, so kafkajs falls back to its reset policy (ListOffsets).
          return committed
            ? { partitionIndex, committedOffset: committed.offset, committedMetadata: committed.metadata, errorCode: 0 }
            : { partitionIndex, committedOffset: -1, committedMetadata: '', errorCode: 0 };
        }),
      })),
    };
  }

  /** Drops the committed offsets of a deleted topic, so a re-created topic starts from the reset policy. */
  forgetTopic(topic: string): void {
    let changed = false;
    for (const group of this.groups.values()) changed = group.offsets.deleteTopic(topic) || changed;
    if (changed) this.append({ type: 'forget-topic', topic });
  }

  // ---- admin -----------------------------------------------------------------------------------------

  describeGroups(groupIds: string[]): DescribedGroup[] {
    return groupIds.map((groupId) => {
      if (!this.opened) {
        return { errorCode: ErrorCode.CoordinatorNotAvailable, groupId, groupState: '', protocolType: '', protocolData: '', members: [] };
      }
      const group = this.groups.get(groupId);
      // Kafka describes an unknown group as Dead, without an error.
      if (!group) return { errorCode: ErrorCode.None, groupId, groupState: 'Dead', protocolType: '', protocolData: '', members: [] };
      return { errorCode: ErrorCode.None, ...group.describe() };
    });
  }

  listGroups(): ListedGroup[] {
    return [...this.groups.values()].map((group) => ({ groupId: group.groupId, protocolType: group.protocolType ?? '' }));
  }

  deleteGroups(groupIds: string[]): DeleteGroupsResult[] {
    return groupIds.map((groupId) => {
      if (!this.opened) return { groupId, errorCode: ErrorCode.CoordinatorNotAvailable };
      const group = this.groups.get(groupId);
      if (!group) return { groupId, errorCode: ErrorCode.GroupIdNotFound };
      if (group.members.size > 0 || group.state !== 'Empty') return { groupId, errorCode: ErrorCode.NonEmptyGroup };
      this.append({ type: 'delete-group', groupId });
      group.shutdown('Dead');
      this.groups.delete(groupId);
      this.persisted.delete(groupId);
      return { groupId, errorCode: ErrorCode.None };
    });
  }

  /** For metrics: every group's state and member count. */
  listGroupStates(): GroupStateSummary[] {
    return [...this.groups.values()].map((group) => ({ groupId: group.groupId, state: group.state, members: group.members.size }));
  }

  // ---- persistence -----------------------------------------------------------------------------------

  private append(entry: GroupLogEntry): void {
    if (!this.opened) return;
    this.log.append(entry);
    if (this.log.size >= this.compactAtBytes && this.log.size >= 2 * this.compactedBytes) this.compact();
  }

  /** Rewrites the log as a snapshot of the live state: one group entry and one offsets entry per group. */
  compact(): void {
    const entries: GroupLogEntry[] = [];
    for (const group of this.groups.values()) {
      const state = this.persisted.get(group.groupId);
      if (state) entries.push({ type: 'group', group: state });
      const commits = persistOffsets(group);
      if (commits.length > 0) entries.push({ type: 'offsets', groupId: group.groupId, commits });
    }
    this.log.rewrite(entries);
    this.compactedBytes = this.log.size;
  }
}
