import type { Reader } from '../reader';
import type { Writer } from '../writer';

/** FindCoordinator v0–2 (pre-flexible). Field names follow Apache Kafka's FindCoordinatorRequest.json. */
export enum CoordinatorKeyType {
  Group = 0,
  Transaction = 1,
}

export interface FindCoordinatorRequest {
  /** The group id (v0's `group_id`) or, with keyType 1, the transactional id. */
  key: string;
  /** v1+; v0 always asks for a group coordinator. */
  keyType: number;
}

export interface FindCoordinatorResponse {
  /** v1+. */
  throttleTimeMs: number;
  errorCode: number;
  /** v1+. */
  errorMessage: string | null;
  nodeId: number;
  host: string;
  port: number;
}

export function decodeFindCoordinatorRequest(reader: Reader, version: number): FindCoordinatorRequest {
  const key = reader.string();
  const keyType = version >= 1 ? reader.int8() : CoordinatorKeyType.Group;
  return { key, keyType };
}

export function encodeFindCoordinatorResponse(writer: Writer, version: number, response: FindCoordinatorResponse): void {
  if (version >= 1) writer.int32(response.throttleTimeMs);
  writer.int16(response.errorCode);
  if (version >= 1) writer.nullableString(response.errorMessage);
  writer.int32(response.nodeId).string(response.host).int32(response.port);
}
