import type { Reader } from '../reader';
import type { Writer } from '../writer';

/** ListGroups v0–2 (pre-flexible): no request fields (the states filter arrives with v4). */
export type ListGroupsRequest = Record<string, never>;

export interface ListedGroup {
  groupId: string;
  protocolType: string;
}

export interface ListGroupsResponse {
  /** v1+. */
  throttleTimeMs: number;
  errorCode: number;
  groups: ListedGroup[];
}

export function decodeListGroupsRequest(_reader: Reader, _version: number): ListGroupsRequest {
  return {};
}

export function encodeListGroupsResponse(writer: Writer, version: number, response: ListGroupsResponse): void {
  if (version >= 1) writer.int32(response.throttleTimeMs);
  writer.int16(response.errorCode);
  writer.array(response.groups, (w, group) => w.string(group.groupId).string(group.protocolType));
}
