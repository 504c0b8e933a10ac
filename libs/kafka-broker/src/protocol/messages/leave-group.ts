import type { Reader } from '../reader';
import type { Writer } from '../writer';

/** LeaveGroup v0–3 (pre-flexible). Field names follow Apache Kafka's LeaveGroupRequest.json. */
export interface LeaveGroupRequestMember {
  memberId: string;
  groupInstanceId: string | null;
}

export interface LeaveGroupRequest {
  groupId: string;
  /**
   * v0–2 carry one member id; v3 carries a batch. Both are normalised into `members` so the coordinator
   * has one code path; `memberId` keeps the v0–2 field for completeness ('' for v3).
   */
  memberId: string;
  members: LeaveGroupRequestMember[];
}

export interface LeaveGroupResponseMember {
  memberId: string;
  groupInstanceId: string | null;
  errorCode: number;
}

export interface LeaveGroupResponse {
  /** v1+. */
  throttleTimeMs: number;
  errorCode: number;
  /** v3+. */
  members: LeaveGroupResponseMember[];
}

export function decodeLeaveGroupRequest(reader: Reader, version: number): LeaveGroupRequest {
  const groupId = reader.string();
  if (version < 3) {
    const memberId = reader.string();
    return { groupId, memberId, members: [{ memberId, groupInstanceId: null }] };
  }
  const members = reader.array((r) => ({ memberId: r.string(), groupInstanceId: r.nullableString() }));
  return { groupId, memberId: '', members };
}

export function encodeLeaveGroupResponse(writer: Writer, version: number, response: LeaveGroupResponse): void {
  if (version >= 1) writer.int32(response.throttleTimeMs);
  writer.int16(response.errorCode);
  if (version >= 3) {
    writer.array(response.members, (w, member) => {
      w.string(member.memberId).nullableString(member.groupInstanceId).int16(member.errorCode);
    });
  }
}
