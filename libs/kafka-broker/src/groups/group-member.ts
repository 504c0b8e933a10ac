import type { TimerHandle } from './group-clock';
import type { JoinGroupResult, MemberProtocol, SyncGroupResult } from './group-types';

const EMPTY = Buffer.alloc(0);

/** One member of a classic group, with the requests it has parked on the coordinator. */
export class GroupMember {
  /** Set by the leader's SyncGroup; empty bytes mean "no assignment" to kafkajs. */
  assignment: Buffer = EMPTY;
  /** A JoinGroup waiting for the rebalance to complete. */
  joinWaiter: ((result: JoinGroupResult) => void) | null = null;
  /** A SyncGroup waiting for the leader's assignment. */
  syncWaiter: ((result: SyncGroupResult) => void) | null = null;
  sessionTimer: TimerHandle | null = null;

  constructor(
    readonly memberId: string,
    readonly groupInstanceId: string | null,
    public clientId: string,
    public clientHost: string,
    public sessionTimeoutMs: number,
    public rebalanceTimeoutMs: number,
    public protocols: MemberProtocol[],
  ) {}

  get isAwaitingJoin(): boolean {
    return this.joinWaiter !== null;
  }

  supports(protocolName: string): boolean {
    return this.protocols.some((protocol) => protocol.name === protocolName);
  }

  metadataFor(protocolName: string | null): Buffer {
    return this.protocols.find((protocol) => protocol.name === protocolName)?.metadata ?? EMPTY;
  }

  /** Same names, order and metadata: a rejoin that changes nothing need not trigger a rebalance. */
  hasSameProtocols(protocols: MemberProtocol[]): boolean {
    return (
      protocols.length === this.protocols.length &&
      protocols.every((protocol, index) => protocol.name === this.protocols[index].name && protocol.metadata.equals(this.protocols[index].metadata))
    );
  }
}
