import { Reader } from '../reader';
import { Writer } from '../writer';

/** DeleteTopics v0–1 (Apache Kafka DeleteTopicsRequest.json / DeleteTopicsResponse.json; flexible from v4). */
export interface DeleteTopicsRequest {
  topicNames: string[];
  timeoutMs: number;
}

export interface DeleteTopicsResponse {
  /** v1+. */
  throttleTimeMs: number;
  responses: Array<{ name: string; errorCode: number }>;
}

export function decodeDeleteTopicsRequest(reader: Reader, _version: number): DeleteTopicsRequest {
  const topicNames = reader.array((r) => r.string());
  const timeoutMs = reader.int32();
  return { topicNames, timeoutMs };
}

export function encodeDeleteTopicsResponse(writer: Writer, version: number, response: DeleteTopicsResponse): void {
  if (version >= 1) writer.int32(response.throttleTimeMs);
  writer.array(response.responses, (w, topic) => w.string(topic.name).int16(topic.errorCode));
}
