import { randomUUID } from 'node:crypto';
import { ErrorCode } from '../protocol/error-codes';
import type { GroupClock, TimerHandle } from './group-clock';
import { GroupMember } from './group-member';
import type { GroupDescription, GroupStateName, JoinGroupResult, JoinParams, MemberProtocol, SyncGroupResult, SyncParams } from './group-types';
import { OffsetStore } from './offset-store';

const EMPTY = Buffer.alloc(0);

/** What a group needs from its coordinator. */
export interface GroupHost {
  readonly clock: GroupClock;
  /** Kafka's group.initial.rebalance.delay.ms: wait this long for more members when an Empty group starts a rebalance. */
  readonly initialRebalanceDelayMs: number;
  /** The group reached a state worth surviving a restart (Stable after the leader's sync, or Empty). */
  persistGroup(group: ClassicGroup): void;
}

function joinError(errorCode: number, memberId = ''): JoinGroupResult {
  return { errorCode, generationId: -1, protocolName: '', leader: '', memberId, members: [] };
}

function syncError(errorCode: number): SyncGroupResult {
  return { errorCode, assignment: EMPTY };
}

/**
 * One classic-protocol consumer group: the state machine of docs/kafka-broker.md §4, modelled on Kafka's
 * ClassicGroup/GroupMetadataManager. Everything runs on the event loop, so no locking: each method runs to
 * completion and parked JoinGroup/SyncGroup requests are promises resolved by later events or timers.
 */
export class ClassicGroup {
  state: GroupStateName = 'Empty';
  generationId = 0;
  protocolType: string | null = null;
  protocolName: string | null = null;
  leaderId: string | null = null;
  readonly members = new Map<string, GroupMember>();
  readonly offsets = new OffsetStore();
  /** Member ids handed out with MEMBER_ID_REQUIRED that have not rejoined yet, with their expiry timers. */
  private readonly pending = new Map<string, TimerHandle>();
  /** Members of the current generation that have not sent SyncGroup yet. */
  private readonly pendingSync = new Set<string>();
  private joinTimer: TimerHandle | null = null;
  private initialDelayTimer: TimerHandle | null = null;
  private syncTimer: TimerHandle | null = null;

  constructor(
    readonly groupId: string,
    private readonly host: GroupHost,
  ) {}

  get pendingMemberCount(): number {
    return this.pending.size;
  }

  // ---- JoinGroup -------------------------------------------------------------------------------------

  join(params: JoinParams): Promise<JoinGroupResult> | JoinGroupResult {
    if (this.state === 'Dead') return joinError(ErrorCode.CoordinatorNotAvailable, params.memberId);
    if (!this.supportsProtocols(params.protocolType, params.protocols)) {
      return joinError(ErrorCode.InconsistentGroupProtocol, params.memberId);
    }
    if (params.memberId === '') {
      const memberId = `${params.clientId || 'member'}-${randomUUID()}`;
      if (params.requireKnownMemberId) {
        // KIP-394: the client must come back with this id; until then it only holds a place in `pending`,
        // which blocks join completion, so it expires after a session timeout if the client never returns.
        this.addPending(memberId, params.sessionTimeoutMs);
        return joinError(ErrorCode.MemberIdRequired, memberId);
      }
      return this.addMemberAndRebalance(memberId, params);
    }
    if (this.pending.has(params.memberId)) {
      this.host.clock.clearTimeout(this.pending.get(params.memberId));
      this.pending.delete(params.memberId);
      return this.addMemberAndRebalance(params.memberId, params);
    }
    const member = this.members.get(params.memberId);
    if (!member) return joinError(ErrorCode.UnknownMemberId, params.memberId);

    switch (this.state) {
      case 'PreparingRebalance': {
        this.updateMember(member, params);
        const parked = this.park(member);
        this.maybeCompleteJoin();
        return parked;
      }
      case 'CompletingRebalance':
        // A retried JoinGroup (e.g. its response was lost) for the generation just formed: answer again.
        if (member.hasSameProtocols(params.protocols)) return this.joinResultFor(member);
        return this.updateAndRebalance(member, params);
      case 'Stable':
        // The leader rejoining means it wants a new assignment (kafkajs does so on metadata changes).
        if (member.memberId === this.leaderId || !member.hasSameProtocols(params.protocols)) {
          return this.updateAndRebalance(member, params);
        }
        return this.joinResultFor(member);
      default:
        return joinError(ErrorCode.UnknownMemberId, params.memberId);
    }
  }

  private supportsProtocols(protocolType: string, protocols: MemberProtocol[]): boolean {
    if (protocolType === '' || protocols.length === 0) return false;
    if (this.members.size === 0) return true;
    if (protocolType !== this.protocolType) return false;
    return protocols.some((protocol) => [...this.members.values()].every((member) => member.supports(protocol.name)));
  }

  private addPending(memberId: string, sessionTimeoutMs: number): void {
    const timer = this.host.clock.setTimeout(() => {
      this.pending.delete(memberId);
      this.maybeCompleteJoin();
    }, sessionTimeoutMs);
    this.pending.set(memberId, timer);
  }

  private addMemberAndRebalance(memberId: string, params: JoinParams): Promise<JoinGroupResult> {
    const member = new GroupMember(
      memberId,
      params.groupInstanceId,
      params.clientId,
      params.clientHost,
      params.sessionTimeoutMs,
      params.rebalanceTimeoutMs,
      params.protocols,
    );
    this.members.set(memberId, member);
    this.leaderId ??= memberId;
    // The first member fixes the protocol type (an offsets-only "simple" group has none yet).
    if (this.members.size === 1) this.protocolType = params.protocolType;
    const parked = this.park(member);
    if (this.state === 'PreparingRebalance') this.maybeCompleteJoin();
    else this.prepareRebalance();
    return parked;
  }

  private updateMember(member: GroupMember, params: JoinParams): void {
    member.protocols = params.protocols;
    member.sessionTimeoutMs = params.sessionTimeoutMs;
    member.rebalanceTimeoutMs = params.rebalanceTimeoutMs;
    member.clientId = params.clientId;
    member.clientHost = params.clientHost;
  }

  private updateAndRebalance(member: GroupMember, params: JoinParams): Promise<JoinGroupResult> {
    this.updateMember(member, params);
    const parked = this.park(member);
    this.prepareRebalance();
    return parked;
  }

  /** Parks the member's JoinGroup. Parked members are governed by the join timer, not their session. */
  private park(member: GroupMember): Promise<JoinGroupResult> {
    return new Promise((resolve) => {
      // A second JoinGroup from the same member supersedes the first; the first is told to retry.
      member.joinWaiter?.(joinError(ErrorCode.RebalanceInProgress, member.memberId));
      member.joinWaiter = resolve;
      this.disarmSession(member);
    });
  }

  // ---- rebalance -------------------------------------------------------------------------------------

  private prepareRebalance(): void {
    if (this.state === 'CompletingRebalance') {
      // The generation being formed is abandoned: followers waiting for it must rejoin.
      for (const member of this.members.values()) {
        member.assignment = EMPTY;
        const waiter = member.syncWaiter;
        member.syncWaiter = null;
        if (waiter) this.armSession(member);
        waiter?.(syncError(ErrorCode.RebalanceInProgress));
      }
    }
    this.clearSyncDeadline();
    const wasEmpty = this.state === 'Empty';
    this.state = 'PreparingRebalance';
    this.clearTimer('joinTimer');
    const rebalanceTimeoutMs = this.maxRebalanceTimeoutMs();
    this.joinTimer = this.host.clock.setTimeout(() => this.onJoinTimeout(), rebalanceTimeoutMs);
    if (wasEmpty && this.host.initialRebalanceDelayMs > 0) {
      // Give the other members of a starting application a chance to join the first generation.
      this.clearTimer('initialDelayTimer');
      this.initialDelayTimer = this.host.clock.setTimeout(
        () => {
          this.initialDelayTimer = null;
          this.maybeCompleteJoin();
        },
        Math.min(this.host.initialRebalanceDelayMs, rebalanceTimeoutMs),
      );
    }
    this.maybeCompleteJoin();
  }

  private maxRebalanceTimeoutMs(): number {
    let max = 0;
    for (const member of this.members.values()) max = Math.max(max, member.rebalanceTimeoutMs);
    return max;
  }

  private maybeCompleteJoin(): void {
    if (this.state !== 'PreparingRebalance' || this.initialDelayTimer !== null || this.pending.size > 0) return;
    for (const member of this.members.values()) if (!member.isAwaitingJoin) return;
    this.completeJoin();
  }

  /** The rebalance timeout fired: members that did not rejoin are out of the group. */
  private onJoinTimeout(): void {
    this.joinTimer = null;
    if (this.state !== 'PreparingRebalance') return;
    this.clearTimer('initialDelayTimer');
    for (const member of [...this.members.values()]) if (!member.isAwaitingJoin) this.removeMember(member);
    this.completeJoin();
  }

  private completeJoin(): void {
    this.clearTimer('joinTimer');
    this.clearTimer('initialDelayTimer');
    this.generationId++;
    if (this.members.size === 0) {
      this.protocolName = null;
      this.leaderId = null;
      this.state = 'Empty';
      this.host.persistGroup(this);
      return;
    }
    this.protocolName = this.electProtocol();
    if (this.leaderId === null || !this.members.has(this.leaderId)) this.leaderId = this.members.keys().next().value!;
    this.state = 'CompletingRebalance';
    this.pendingSync.clear();
    for (const member of this.members.values()) {
      this.pendingSync.add(member.memberId);
      const waiter = member.joinWaiter;
      member.joinWaiter = null;
      this.armSession(member);
      waiter?.(this.joinResultFor(member));
    }
    // Members that never send SyncGroup would otherwise stall the group forever (Kafka's pending-sync timeout).
    const generation = this.generationId;
    this.syncTimer = this.host.clock.setTimeout(() => this.onSyncTimeout(generation), this.maxRebalanceTimeoutMs());
  }

  /** Each member votes for its most preferred protocol that every member supports; most votes wins. */
  private electProtocol(): string {
    const members = [...this.members.values()];
    const candidates = members[0].protocols.map((p) => p.name).filter((name) => members.every((m) => m.supports(name)));
    const votes = new Map<string, number>();
    for (const member of members) {
      const choice = member.protocols.find((p) => candidates.includes(p.name))!.name;
      votes.set(choice, (votes.get(choice) ?? 0) + 1);
    }
    let winner = candidates[0];
    for (const candidate of candidates) if ((votes.get(candidate) ?? 0) > (votes.get(winner) ?? 0)) winner = candidate;
    return winner;
  }

  private joinResultFor(member: GroupMember): JoinGroupResult {
    const isLeader = member.memberId === this.leaderId;
    return {
      errorCode: ErrorCode.None,
      generationId: this.generationId,
      protocolName: this.protocolName ?? '',
      leader: this.leaderId ?? '',
      memberId: member.memberId,
      members: isLeader
        ? [...this.members.values()].map((m) => ({ memberId: m.memberId, groupInstanceId: m.groupInstanceId, metadata: m.metadataFor(this.protocolName) }))
        : [],
    };
  }

  private onSyncTimeout(generation: number): void {
    this.syncTimer = null;
    if (generation !== this.generationId || (this.state !== 'CompletingRebalance' && this.state !== 'Stable')) return;
    if (this.pendingSync.size === 0) return;
    for (const memberId of this.pendingSync) {
      const member = this.members.get(memberId);
      if (member) this.removeMember(member);
    }
    this.pendingSync.clear();
    this.prepareRebalance();
  }

  // ---- SyncGroup -------------------------------------------------------------------------------------

  sync(params: SyncParams): Promise<SyncGroupResult> | SyncGroupResult {
    const member = this.members.get(params.memberId);
    if (!member) return syncError(ErrorCode.UnknownMemberId);
    if (params.generationId !== this.generationId) return syncError(ErrorCode.IllegalGeneration);
    switch (this.state) {
      case 'PreparingRebalance':
        return syncError(ErrorCode.RebalanceInProgress);
      case 'CompletingRebalance': {
        // Like Kafka, a member parked in SyncGroup is kept alive (kafkajs does not heartbeat meanwhile);
        // the sync deadline bounds the wait, and its session restarts when the answer goes out.
        this.disarmSession(member);
        this.markSynced(member.memberId);
        const parked = new Promise<SyncGroupResult>((resolve) => {
          member.syncWaiter?.(syncError(ErrorCode.RebalanceInProgress));
          member.syncWaiter = resolve;
        });
        if (member.memberId === this.leaderId) this.completeSync(params.assignments);
        return parked;
      }
      case 'Stable':
        this.armSession(member);
        this.markSynced(member.memberId);
        return { errorCode: ErrorCode.None, assignment: member.assignment };
      default:
        return syncError(ErrorCode.UnknownMemberId);
    }
  }

  private markSynced(memberId: string): void {
    this.pendingSync.delete(memberId);
    if (this.pendingSync.size === 0) this.clearSyncDeadline();
  }

  private completeSync(assignments: SyncParams['assignments']): void {
    const byMember = new Map(assignments.map((a) => [a.memberId, a.assignment]));
    for (const member of this.members.values()) member.assignment = byMember.get(member.memberId) ?? EMPTY;
    this.state = 'Stable';
    this.host.persistGroup(this);
    for (const member of this.members.values()) {
      const waiter = member.syncWaiter;
      member.syncWaiter = null;
      if (waiter) this.armSession(member);
      waiter?.({ errorCode: ErrorCode.None, assignment: member.assignment });
    }
  }

  // ---- Heartbeat, LeaveGroup, OffsetCommit validation ------------------------------------------------

  heartbeat(generationId: number, memberId: string): ErrorCode {
    const member = this.members.get(memberId);
    if (!member) return ErrorCode.UnknownMemberId;
    if (generationId !== this.generationId) return ErrorCode.IllegalGeneration;
    switch (this.state) {
      case 'PreparingRebalance':
        // The signal kafkajs waits for: it commits, then rejoins (runner.js).
        if (!member.isAwaitingJoin) this.armSession(member);
        return ErrorCode.RebalanceInProgress;
      case 'CompletingRebalance':
      case 'Stable':
        this.armSession(member);
        return ErrorCode.None;
      default:
        return ErrorCode.UnknownMemberId;
    }
  }

  leave(memberId: string): ErrorCode {
    if (this.pending.has(memberId)) {
      this.host.clock.clearTimeout(this.pending.get(memberId));
      this.pending.delete(memberId);
      this.maybeCompleteJoin();
      return ErrorCode.None;
    }
    const member = this.members.get(memberId);
    if (!member) return ErrorCode.UnknownMemberId;
    this.removeMemberAndUpdate(member);
    return ErrorCode.None;
  }

  /**
   * ClassicGroup.validateOffsetCommit: admin/simple commits (generation < 0) only while Empty; commits are
   * refused only while CompletingRebalance, because kafkajs commits right after a heartbeat tells it a
   * rebalance is starting and refusing that commit re-delivers messages (docs §8.2).
   */
  validateCommit(generationId: number, memberId: string): ErrorCode {
    if (this.state === 'Dead') return ErrorCode.CoordinatorNotAvailable;
    if (generationId < 0 && this.state === 'Empty') return ErrorCode.None;
    if (this.state === 'CompletingRebalance') return ErrorCode.RebalanceInProgress;
    const member = this.members.get(memberId);
    if (!member) return ErrorCode.UnknownMemberId;
    if (generationId !== this.generationId) return ErrorCode.IllegalGeneration;
    // A commit proves the member is alive, as a heartbeat does.
    if (!member.isAwaitingJoin) this.armSession(member);
    return ErrorCode.None;
  }

  // ---- membership and timers -------------------------------------------------------------------------

  private armSession(member: GroupMember): void {
    this.disarmSession(member);
    member.sessionTimer = this.host.clock.setTimeout(() => this.onSessionExpired(member.memberId), member.sessionTimeoutMs);
  }

  private disarmSession(member: GroupMember): void {
    if (member.sessionTimer !== null) this.host.clock.clearTimeout(member.sessionTimer);
    member.sessionTimer = null;
  }

  private onSessionExpired(memberId: string): void {
    const member = this.members.get(memberId);
    if (!member || member.isAwaitingJoin || member.syncWaiter) return;
    member.sessionTimer = null;
    this.removeMemberAndUpdate(member);
  }

  private removeMember(member: GroupMember): void {
    this.disarmSession(member);
    const joinWaiter = member.joinWaiter;
    const syncWaiter = member.syncWaiter;
    member.joinWaiter = null;
    member.syncWaiter = null;
    this.members.delete(member.memberId);
    this.pendingSync.delete(member.memberId);
    if (this.leaderId === member.memberId) this.leaderId = this.members.keys().next().value ?? null;
    joinWaiter?.(joinError(ErrorCode.UnknownMemberId, member.memberId));
    syncWaiter?.(syncError(ErrorCode.UnknownMemberId));
  }

  private removeMemberAndUpdate(member: GroupMember): void {
    this.removeMember(member);
    if (this.state === 'Stable' || this.state === 'CompletingRebalance') this.prepareRebalance();
    else if (this.state === 'PreparingRebalance') this.maybeCompleteJoin();
  }

  private clearTimer(name: 'joinTimer' | 'initialDelayTimer' | 'syncTimer'): void {
    const handle = this[name];
    if (handle !== null) this.host.clock.clearTimeout(handle);
    this[name] = null;
  }

  private clearSyncDeadline(): void {
    this.clearTimer('syncTimer');
  }

  /** Restarts every member's session (after a restore: members must heartbeat again or be expired). */
  armAllSessions(): void {
    for (const member of this.members.values()) this.armSession(member);
  }

  /**
   * Stops every timer and answers parked requests, for shutdown or deletion. COORDINATOR_NOT_AVAILABLE is
   * retriable in kafkajs: it looks the coordinator up again and retries.
   */
  shutdown(nextState: GroupStateName = this.state): void {
    for (const name of ['joinTimer', 'initialDelayTimer', 'syncTimer'] as const) this.clearTimer(name);
    for (const timer of this.pending.values()) this.host.clock.clearTimeout(timer);
    this.pending.clear();
    for (const member of this.members.values()) {
      this.disarmSession(member);
      const joinWaiter = member.joinWaiter;
      const syncWaiter = member.syncWaiter;
      member.joinWaiter = null;
      member.syncWaiter = null;
      joinWaiter?.(joinError(ErrorCode.CoordinatorNotAvailable, member.memberId));
      syncWaiter?.(syncError(ErrorCode.CoordinatorNotAvailable));
    }
    this.state = nextState;
  }

  describe(): GroupDescription {
    const stable = this.state === 'Stable';
    return {
      groupId: this.groupId,
      groupState: this.state,
      protocolType: this.protocolType ?? '',
      // Kafka reports the protocol and member metadata/assignments only for a Stable group.
      protocolData: stable ? (this.protocolName ?? '') : '',
      members: [...this.members.values()].map((member) => ({
        memberId: member.memberId,
        clientId: member.clientId,
        clientHost: member.clientHost,
        memberMetadata: stable ? member.metadataFor(this.protocolName) : EMPTY,
        memberAssignment: stable ? member.assignment : EMPTY,
      })),
    };
  }
}
