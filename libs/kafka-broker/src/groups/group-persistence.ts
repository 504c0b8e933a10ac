import { ClassicGroup, type GroupHost } from './classic-group';
import { GroupMember } from './group-member';

/**
 * What `groups.log` records. Group state is written whole whenever it reaches Stable or Empty (as Kafka
 * writes its GroupMetadata record), commits are written per OffsetCommit request, and a compaction
 * rewrites the log as one `group` plus one `offsets` entry per live group.
 */
export interface PersistedMember {
  memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  /** [protocol name, base64 metadata]. */
  protocols: [string, string][];
  /** base64. */
  assignment: string;
}

export interface PersistedGroup {
  groupId: string;
  generationId: number;
  protocolType: string | null;
  protocolName: string | null;
  leaderId: string | null;
  members: PersistedMember[];
}

/** [topic, partition, offset, metadata, commit timestamp]. */
export type PersistedCommit = [string, number, number, string | null, number];

export type GroupLogEntry =
  | { type: 'group'; group: PersistedGroup }
  | { type: 'offsets'; groupId: string; commits: PersistedCommit[] }
  | { type: 'delete-group'; groupId: string }
  | { type: 'forget-topic'; topic: string };

export function persistGroup(group: ClassicGroup): PersistedGroup {
  return {
    groupId: group.groupId,
    generationId: group.generationId,
    protocolType: group.protocolType,
    protocolName: group.protocolName,
    leaderId: group.leaderId,
    members: [...group.members.values()].map((member) => ({
      memberId: member.memberId,
      groupInstanceId: member.groupInstanceId,
      clientId: member.clientId,
      clientHost: member.clientHost,
      sessionTimeoutMs: member.sessionTimeoutMs,
      rebalanceTimeoutMs: member.rebalanceTimeoutMs,
      protocols: member.protocols.map((p) => [p.name, p.metadata.toString('base64')]),
      assignment: member.assignment.toString('base64'),
    })),
  };
}

export function persistOffsets(group: ClassicGroup): PersistedCommit[] {
  return group.offsets.entries().map(({ topic, partition, committed }) => [topic, partition, committed.offset, committed.metadata, committed.commitTimestamp]);
}

/**
 * Replays the log into groups. A group restored with members comes back Stable in its persisted generation
 * (as Kafka loads a group on coordinator failover); the caller then restarts their session timers so that
 * consumers which survived the broker restart just keep heartbeating, and vanished ones expire.
 */
export function replayGroupLog(entries: GroupLogEntry[], host: GroupHost): Map<string, ClassicGroup> {
  const groups = new Map<string, ClassicGroup>();
  const groupFor = (groupId: string): ClassicGroup => {
    let group = groups.get(groupId);
    if (!group) {
      group = new ClassicGroup(groupId, host);
      groups.set(groupId, group);
    }
    return group;
  };
  for (const entry of entries) {
    switch (entry.type) {
      case 'group':
        restoreGroupState(groupFor(entry.group.groupId), entry.group);
        break;
      case 'offsets': {
        const group = groupFor(entry.groupId);
        for (const [topic, partition, offset, metadata, commitTimestamp] of entry.commits) {
          group.offsets.set(topic, partition, { offset, metadata, commitTimestamp });
        }
        break;
      }
      case 'delete-group':
        groups.delete(entry.groupId);
        break;
      case 'forget-topic':
        for (const group of groups.values()) group.offsets.deleteTopic(entry.topic);
        break;
    }
  }
  return groups;
}

function restoreGroupState(group: ClassicGroup, persisted: PersistedGroup): void {
  group.generationId = persisted.generationId;
  group.protocolType = persisted.protocolType;
  group.protocolName = persisted.protocolName;
  group.leaderId = persisted.leaderId;
  group.members.clear();
  for (const m of persisted.members) {
    const member = new GroupMember(
      m.memberId,
      m.groupInstanceId,
      m.clientId,
      m.clientHost,
      m.sessionTimeoutMs,
      m.rebalanceTimeoutMs,
      m.protocols.map(([name, metadata]) => ({ name, metadata: Buffer.from(metadata, 'base64') })),
    );
    member.assignment = Buffer.from(m.assignment, 'base64');
    group.members.set(member.memberId, member);
  }
  group.state = group.members.size > 0 ? 'Stable' : 'Empty';
}
