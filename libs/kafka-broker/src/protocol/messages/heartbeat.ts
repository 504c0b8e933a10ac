import type { Reader } from '../reader';
import type { Writer } from '../writer';

/** Heartbeat v0–3 (pre-flexible). Field names follow Apache Kafka's HeartbeatRequest.json. */
export interface HeartbeatRequest {
  groupId: string;
  generationId: number;
  memberId: string;
  /** v3+. */
  groupInstanceId: string | null;
}

export interface HeartbeatResponse {
  /** v1+. */
  throttleTimeMs: number;
  errorCode: number;
}

export function decodeHeartbeatRequest(reader: Reader, version: number): HeartbeatRequest {
  const groupId = reader.string();
  const generationId = reader.int32();
  const memberId = reader.string();
  const groupInstanceId = version >= 3 ? reader.nullableString() : null;
  return { groupId, generationId, memberId, groupInstanceId };
}

export function encodeHeartbeatResponse(writer: Writer, version: number, response: HeartbeatResponse): void {
  if (version >= 1) writer.int32(response.throttleTimeMs);
  writer.int16(response.errorCode);
}
