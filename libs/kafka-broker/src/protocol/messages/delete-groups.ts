import type { Reader } from '../reader';
import type { Writer } from '../writer';

/** DeleteGroups v0–1 (pre-flexible). Names follow Apache Kafka's DeleteGroupsRequest.json. */
export interface DeleteGroupsRequest {
  groupsNames: string[];
}

export interface DeleteGroupsResult {
  groupId: string;
  errorCode: number;
}

export interface DeleteGroupsResponse {
  /** Present from v0. */
  throttleTimeMs: number;
  results: DeleteGroupsResult[];
}

export function decodeDeleteGroupsRequest(reader: Reader, _version: number): DeleteGroupsRequest {
  return { groupsNames: reader.array((r) => r.string()) };
}

export function encodeDeleteGroupsResponse(writer: Writer, _version: number, response: DeleteGroupsResponse): void {
  writer.int32(response.throttleTimeMs);
  writer.array(response.results, (w, result) => w.string(result.groupId).int16(result.errorCode));
}
