import type { Reader } from '../reader';
import type { Writer } from '../writer';

/** DescribeGroups v0–2 (pre-flexible). Names follow Apache Kafka's DescribeGroupsRequest.json. */
export interface DescribeGroupsRequest {
  groups: string[];
}

export interface DescribedGroupMember {
  memberId: string;
  clientId: string;
  clientHost: string;
  memberMetadata: Buffer;
  memberAssignment: Buffer;
}

export interface DescribedGroup {
  errorCode: number;
  groupId: string;
  /** "Empty", "PreparingRebalance", "CompletingRebalance", "Stable" or "Dead". */
  groupState: string;
  protocolType: string;
  /** The chosen protocol name ("" unless Stable). */
  protocolData: string;
  members: DescribedGroupMember[];
}

export interface DescribeGroupsResponse {
  /** v1+. */
  throttleTimeMs: number;
  groups: DescribedGroup[];
}

export function decodeDescribeGroupsRequest(reader: Reader, _version: number): DescribeGroupsRequest {
  return { groups: reader.array((r) => r.string()) };
}

export function encodeDescribeGroupsResponse(writer: Writer, version: number, response: DescribeGroupsResponse): void {
  if (version >= 1) writer.int32(response.throttleTimeMs);
  writer.array(response.groups, (w, group) => {
    w.int16(group.errorCode).string(group.groupId).string(group.groupState).string(group.protocolType).string(group.protocolData);
    w.array(group.members, (mw, member) => {
      mw.string(member.memberId)
        .string(member.clientId)
        .string(member.clientHost)
        .bytes(member.memberMetadata)
        .bytes(member.memberAssignment);
    });
  });
}
