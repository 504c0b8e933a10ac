import { MalformedFrameError, Reader } from '../reader';
import { Writer } from '../writer';
import {
  ConfigResourceType,
  ConfigSource,
  decodeDescribeConfigsRequest,
  DescribeConfigsResponse,
  encodeDescribeConfigsResponse,
} from './describe-configs';
import { expectTruncationsRejected, kafkajsParse, kafkajsRequestBody } from './kafkajs-oracle.spec-helper';

describe('DescribeConfigs request', () => {
  it.each([0, 1, 2])('v%i: resources, keys (empty → null = all), include_synonyms (v1+)', async (version) => {
    const body = await kafkajsRequestBody('describeConfigs', version, {
      resources: [
        { type: ConfigResourceType.Topic, name: 'orders', configNames: ['cleanup.policy', 'retention.ms'] },
        { type: ConfigResourceType.Broker, name: '1' },
      ],
      includeSynonyms: true,
    });
    expect(decodeDescribeConfigsRequest(new Reader(body), version)).toEqual({
      resources: [
        { resourceType: 2, resourceName: 'orders', configurationKeys: ['cleanup.policy', 'retention.ms'] },
        { resourceType: 4, resourceName: '1', configurationKeys: null },
      ],
      includeSynonyms: version >= 1,
    });
    expectTruncationsRejected(body, (b) => decodeDescribeConfigsRequest(new Reader(b), version), MalformedFrameError);
  });
});

describe('DescribeConfigs response', () => {
  const response: DescribeConfigsResponse = {
    throttleTimeMs: 5,
    results: [
      {
        errorCode: 0,
        errorMessage: null,
        resourceType: ConfigResourceType.Topic,
        resourceName: 'orders',
        configs: [
          {
            name: 'cleanup.policy',
            value: 'compact',
            readOnly: false,
            configSource: ConfigSource.DynamicTopicConfig,
            isSensitive: false,
            synonyms: [
              { name: 'cleanup.policy', value: 'compact', source: ConfigSource.DynamicTopicConfig },
              { name: 'log.cleanup.policy', value: 'delete', source: ConfigSource.DefaultConfig },
            ],
          },
          { name: 'secret', value: null, readOnly: true, configSource: ConfigSource.DefaultConfig, isSensitive: true, synonyms: [] },
        ],
      },
    ],
  };

  function encode(version: number, value: DescribeConfigsResponse = response): Buffer {
    const writer = new Writer();
    encodeDescribeConfigsResponse(writer, version, value);
    return writer.toBuffer();
  }

  it('v0: is_default instead of config_source, no synonyms', async () => {
    const parsed = await kafkajsParse('describeConfigs', 0, encode(0));
    expect(parsed.throttleTime).toBe(5);
    expect(parsed.resources).toEqual([
      {
        errorCode: 0,
        errorMessage: null,
        resourceType: 2,
        resourceName: 'orders',
        configEntries: [
          // kafkajs back-fills config_source from is_default and the resource type
          { configName: 'cleanup.policy', configValue: 'compact', readOnly: false, isDefault: false, configSource: ConfigSource.DynamicTopicConfig, isSensitive: false },
          { configName: 'secret', configValue: null, readOnly: true, isDefault: true, configSource: ConfigSource.DefaultConfig, isSensitive: true },
        ],
      },
    ]);
  });

  it.each([1, 2])('v%i: config_source and synonyms', async (version) => {
    const parsed = await kafkajsParse('describeConfigs', version, encode(version));
    expect(version === 2 ? [parsed.throttleTime, parsed.clientSideThrottleTime] : [parsed.throttleTime]).toEqual(version === 2 ? [0, 5] : [5]);
    expect(parsed.resources[0].configEntries).toEqual([
      {
        configName: 'cleanup.policy',
        configValue: 'compact',
        readOnly: false,
        isDefault: false,
        configSource: 1,
        isSensitive: false,
        configSynonyms: [
          { configName: 'cleanup.policy', configValue: 'compact', configSource: 1 },
          { configName: 'log.cleanup.policy', configValue: 'delete', configSource: 5 },
        ],
      },
      { configName: 'secret', configValue: null, readOnly: true, isDefault: true, configSource: 5, isSensitive: true, configSynonyms: [] },
    ]);
  });

  it('a resource error reaches kafkajs', async () => {
    const failing = { throttleTimeMs: 0, results: [{ ...response.results[0], errorCode: 3, errorMessage: 'no such topic', configs: [] }] };
    await expect(kafkajsParse('describeConfigs', 2, encode(2, failing))).rejects.toMatchObject({ type: 'UNKNOWN_TOPIC_OR_PARTITION' });
  });
});
