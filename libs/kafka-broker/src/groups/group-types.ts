import type { DescribedGroup } from '../protocol/messages/describe-groups';
import type { JoinGroupResponse } from '../protocol/messages/join-group';
import type { SyncGroupResponse } from '../protocol/messages/sync-group';

/** Classic group states, spelled as Kafka's DescribeGroups reports them (kafkajs admin shows these). */
export type GroupStateName = 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable' | 'Dead';

/** What the coordinator answers; the handlers add throttle_time_ms (always 0) when encoding. */
export type JoinGroupResult = Omit<JoinGroupResponse, 'throttleTimeMs'>;
export type SyncGroupResult = Omit<SyncGroupResponse, 'throttleTimeMs'>;
export type GroupDescription = Omit<DescribedGroup, 'errorCode'>;

export interface MemberProtocol {
  name: string;
  metadata: Buffer;
}

/** A JoinGroup as the state machine needs it: the decoded request plus who sent it. */
export interface JoinParams {
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  memberId: string;
  groupInstanceId: string | null;
  protocolType: string;
  protocols: MemberProtocol[];
  clientId: string;
  clientHost: string;
  /** JoinGroup v4+: a new member first gets MEMBER_ID_REQUIRED and an id to rejoin with (KIP-394). */
  requireKnownMemberId: boolean;
}

export interface SyncParams {
  generationId: number;
  memberId: string;
  assignments: { memberId: string; assignment: Buffer }[];
}

export interface GroupStateSummary {
  groupId: string;
  state: GroupStateName;
  members: number;
}
