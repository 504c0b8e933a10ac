import { Reader } from '../reader';
import { Writer } from '../writer';

/** DescribeConfigs v0–2 (Apache Kafka DescribeConfigsRequest.json / DescribeConfigsResponse.json; flexible from v4). */
export const ConfigResourceType = { Topic: 2, Broker: 4 } as const;

/** config_source values (v1+). */
export const ConfigSource = {
  Unknown: 0,
  DynamicTopicConfig: 1,
  DynamicBrokerConfig: 2,
  DynamicDefaultBrokerConfig: 3,
  StaticBrokerConfig: 4,
  DefaultConfig: 5,
  DynamicBrokerLoggerConfig: 6,
} as const;

export interface DescribeConfigsRequestResource {
  resourceType: number;
  resourceName: string;
  /** null = all keys (kafkajs sends null for an empty list). */
  configurationKeys: string[] | null;
}

export interface DescribeConfigsRequest {
  resources: DescribeConfigsRequestResource[];
  /** v1+. */
  includeSynonyms: boolean;
}

export interface DescribeConfigsResponseSynonym {
  name: string;
  value: string | null;
  source: number;
}

export interface DescribeConfigsResponseConfig {
  name: string;
  value: string | null;
  readOnly: boolean;
  /**
   * v1+ on the wire. v0 has only is_default instead, which we derive as `configSource === DefaultConfig`
   * (the same mapping Kafka applies when downgrading a response).
   */
  configSource: number;
  isSensitive: boolean;
  /** v1+. */
  synonyms: DescribeConfigsResponseSynonym[];
}

export interface DescribeConfigsResponseResult {
  errorCode: number;
  errorMessage: string | null;
  resourceType: number;
  resourceName: string;
  configs: DescribeConfigsResponseConfig[];
}

export interface DescribeConfigsResponse {
  throttleTimeMs: number;
  results: DescribeConfigsResponseResult[];
}

export function decodeDescribeConfigsRequest(reader: Reader, version: number): DescribeConfigsRequest {
  const resources = reader.array((r) => ({
    resourceType: r.int8(),
    resourceName: r.string(),
    configurationKeys: r.nullableArray((k) => k.string()),
  }));
  const includeSynonyms = version >= 1 ? reader.boolean() : false;
  return { resources, includeSynonyms };
}

export function encodeDescribeConfigsResponse(writer: Writer, version: number, response: DescribeConfigsResponse): void {
  writer.int32(response.throttleTimeMs);
  writer.array(response.results, (w, result) => {
    w.int16(result.errorCode).nullableString(result.errorMessage).int8(result.resourceType).string(result.resourceName);
    w.array(result.configs, (cw, config) => {
      cw.string(config.name).nullableString(config.value).boolean(config.readOnly);
      if (version >= 1) cw.int8(config.configSource);
      else cw.boolean(config.configSource === ConfigSource.DefaultConfig);
      cw.boolean(config.isSensitive);
      if (version >= 1) cw.array(config.synonyms, (sw, synonym) => sw.string(synonym.name).nullableString(synonym.value).int8(synonym.source));
    });
  });
}
