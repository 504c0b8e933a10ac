import type { Reader } from '../reader';
import type { Writer } from '../writer';

/** SyncGroup v0–3 (pre-flexible). Field names follow Apache Kafka's SyncGroupRequest.json. */
export interface SyncGroupRequestAssignment {
  memberId: string;
  assignment: Buffer;
}

export interface SyncGroupRequest {
  groupId: string;
  generationId: number;
  memberId: string;
  /** v3+. */
  groupInstanceId: string | null;
  /** Filled by the leader only; followers send an empty list. */
  assignments: SyncGroupRequestAssignment[];
}

export interface SyncGroupResponse {
  /** v1+. */
  throttleTimeMs: number;
  errorCode: number;
  assignment: Buffer;
}

export function decodeSyncGroupRequest(reader: Reader, version: number): SyncGroupRequest {
  const groupId = reader.string();
  const generationId = reader.int32();
  const memberId = reader.string();
  const groupInstanceId = version >= 3 ? reader.nullableString() : null;
  const assignments = reader.array((r) => ({ memberId: r.string(), assignment: r.bytes() }));
  return { groupId, generationId, memberId, groupInstanceId, assignments };
}

export function encodeSyncGroupResponse(writer: Writer, version: number, response: SyncGroupResponse): void {
  if (version >= 1) writer.int32(response.throttleTimeMs);
  writer.int16(response.errorCode);
  writer.bytes(response.assignment);
}
