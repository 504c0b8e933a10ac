// Builds the AsyncAPI 3 document of each producing service from topics.json, the schemas and the examples,
// in memory. `generate-asyncapi.ts` writes them; the contract test regenerates them and compares.
import fs from 'node:fs';
import path from 'node:path';
import { EVENT_CATALOG, type EventDescriptor } from '../src/catalog';
import { CLOUDEVENTS_CONTENT_TYPE } from '../src/envelope';
import { EXAMPLES_DIR } from '../src/paths';
import { TOPICS, TOPIC_DEFAULTS, TOPIC_PATTERNS, type TopicConfig } from '../src/topics';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const KAFKA_BINDING_VERSION = '0.5.0';
const SCHEMA_FORMAT = 'application/schema+json;version=draft-2020-12';
const ENVELOPE_REF = '../schemas/common/envelope.v1.schema.json';
const HEADERS_REF = '../schemas/common/kafka-headers.v1.schema.json';
const DEAD_LETTER_HEADERS_REF = '../schemas/common/dead-letter-headers.v1.schema.json';

function camel(kebab: string): string {
  return kebab.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Producing services, in pipeline order, then `agency`: the agencies' own systems, which send their
 * decisions (commands) to the agency gateway on `bcci.agency.decisions.v1`.
 */
const AGENCY_PRODUCER = 'agency';

export const PRODUCERS = ['intake', 'digitization', 'forwarding', 'agency-gateway', 'returns', 'tracking', 'agency'] as const;

function firstExample(descriptor: EventDescriptor): Json | undefined {
  const file = path.join(EXAMPLES_DIR, descriptor.producer, `${descriptor.name}.v${descriptor.version}.example.json`);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Json) : undefined;
}

function messageFor(descriptor: EventDescriptor): Json {
  const example = firstExample(descriptor);
  return {
    name: descriptor.type,
    title: descriptor.name,
    summary: descriptionOf(descriptor),
    contentType: CLOUDEVENTS_CONTENT_TYPE,
    headers: { schemaFormat: SCHEMA_FORMAT, schema: { $ref: HEADERS_REF } },
    payload: {
      schemaFormat: SCHEMA_FORMAT,
      schema: {
        allOf: [
          { $ref: ENVELOPE_REF },
          {
            type: 'object',
            properties: {
              type: { const: descriptor.type },
              source: { const: descriptor.source },
              dataschema: { const: descriptor.dataschema },
              ...(descriptor.nationalStatuses.length ? { nationalstatus: { enum: [...descriptor.nationalStatuses] } } : {}),
              data: { $ref: `../${descriptor.schemaPath}` },
            },
            required: descriptor.nationalStatuses.length ? ['nationalstatus', 'channel'] : [],
          },
        ],
      },
    },
    bindings: {
      kafka: {
        key: { type: 'string', format: 'uuid', description: `Kafka key = CloudEvents subject = data.${descriptor.keyField}` },
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
    ...(example
      ? {
          examples: [
            {
              name: `${camel(descriptor.name)}Example`,
              headers: { 'content-type': CLOUDEVENTS_CONTENT_TYPE, traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' },
              payload: example,
            },
          ],
        }
      : {}),
  };
}

function descriptionOf(descriptor: EventDescriptor): string {
  const file = path.join(__dirname, '..', descriptor.schemaPath);
  const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as { description?: string };
  return schema.description ?? descriptor.type;
}

function topicBinding(name: string, partitions: number, config: TopicConfig): Json {
  const merged = { ...TOPIC_DEFAULTS.config, ...config };
  return {
    kafka: {
      topic: name,
      partitions,
      replicas: TOPIC_DEFAULTS.replicationFactor,
      topicConfiguration: {
        'cleanup.policy': merged['cleanup.policy'].split(','),
        'retention.ms': Number(merged['retention.ms']),
        'max.message.bytes': Number(merged['max.message.bytes']),
      },
      bindingVersion: KAFKA_BINDING_VERSION,
    },
  };
}

const DEAD_LETTER_MESSAGE: Json = {
  name: 'dead-letter',
  title: 'Dead letter',
  summary:
    'Bản ghi không hợp lệ hoặc vẫn lỗi sau số lần thử có giới hạn: giữ nguyên khoá, giá trị và header gốc, thêm lý do. Lệnh replay đưa lại về topic gốc.',
  contentType: CLOUDEVENTS_CONTENT_TYPE,
  headers: {
    schemaFormat: SCHEMA_FORMAT,
    schema: { allOf: [{ $ref: HEADERS_REF }, { $ref: DEAD_LETTER_HEADERS_REF }] },
  },
  payload: { schemaFormat: SCHEMA_FORMAT, schema: { description: 'Giá trị gốc, nguyên byte (có thể không hợp lệ).' } },
};

export function buildAsyncApiDocument(producer: string): Json {
  const produced = TOPICS.filter((t) => t.producer === producer);
  const consumed = TOPICS.filter((t) => t.consumers.includes(producer) && t.producer !== producer);
  const channels: Record<string, Json> = {};
  const operations: Record<string, Json> = {};
  const messages: Record<string, Json> = {};

  for (const topic of produced) {
    const channelId = camel(topic.name.split('.')[2]);
    const descriptors = EVENT_CATALOG.filter((d) => topic.eventTypes.includes(d.type));
    const channelMessages: Record<string, Json> = {};
    for (const d of descriptors) {
      const messageId = camel(d.name);
      messages[messageId] = messageFor(d);
      channelMessages[messageId] = { $ref: `#/components/messages/${messageId}` };
    }
    channels[channelId] = {
      address: topic.name,
      title: topic.name,
      description: `${topic.description} Khoá Kafka: ${topic.key}. Consumers: ${topic.consumers.join(', ')}.`,
      messages: channelMessages,
      bindings: topicBinding(topic.name, topic.partitions, topic.config),
    };
    channels[`${channelId}DeadLetter`] = {
      address: topic.deadLetter.name,
      title: topic.deadLetter.name,
      description: `Dead letters of ${topic.name} (poison messages of its consumers).`,
      messages: { deadLetter: { $ref: '#/components/messages/deadLetter' } },
      bindings: topicBinding(topic.deadLetter.name, topic.deadLetter.partitions, topic.deadLetter.config),
    };
    messages.deadLetter = DEAD_LETTER_MESSAGE;
    for (const d of descriptors) {
      operations[`send${camel('-' + d.name)}`] = {
        action: 'send',
        channel: { $ref: `#/channels/${channelId}` },
        summary:
          producer === AGENCY_PRODUCER
            ? `An agency system sends ${d.type}; the gateway applies it once per commandId, or dead-letters it with the reason.`
            : `Publishes ${d.type} through the transactional outbox.`,
        messages: [{ $ref: `#/channels/${channelId}/messages/${camel(d.name)}` }],
      };
    }
  }

  for (const pattern of TOPIC_PATTERNS.filter((p) => p.producer === producer)) {
    const channelMessages: Record<string, Json> = {};
    for (const type of pattern.eventTypes) {
      const d = EVENT_CATALOG.find((e) => e.type === type);
      if (!d) continue;
      channelMessages[camel(d.name)] = { $ref: `#/components/messages/${camel(d.name)}` };
    }
    const address = pattern.pattern;
    channels.agencyDossiers = {
      address,
      title: address,
      description: `${pattern.description} Khoá Kafka: ${pattern.key}.`,
      parameters: { [pattern.parameter.name]: { description: `Mã định danh điện tử của cơ quan, ${pattern.parameter.pattern}.`, examples: ['000.00.00.H38'] } },
      messages: channelMessages,
      bindings: topicBinding(address, pattern.partitions, pattern.config),
    };
    operations.sendToAgency = {
      action: 'send',
      channel: { $ref: '#/channels/agencyDossiers' },
      summary: 'Publishes the dossiers of one agency on its own topic; read access is granted per agency.',
      messages: Object.keys(channelMessages).map((m) => ({ $ref: `#/channels/agencyDossiers/messages/${m}` })),
    };
  }

  for (const topic of consumed) {
    const channelId = camel(`${topic.producer}-${topic.name.split('.')[2]}`);
    const channelMessages: Record<string, Json> = {};
    for (const type of topic.eventTypes) {
      const d = EVENT_CATALOG.find((e) => e.type === type);
      if (!d) continue;
      channelMessages[camel(d.name)] = { $ref: `./${topic.producer}.asyncapi.yaml#/components/messages/${camel(d.name)}` };
    }
    channels[channelId] = {
      address: topic.name,
      title: topic.name,
      description:
        topic.producer === AGENCY_PRODUCER
          ? `Consumed from the agencies' systems. ${topic.description} Inbox deduplication by event id and by commandId.`
          : `Consumed from ${topic.producer}. Inbox deduplication by event id; offsets committed after the database commit.`,
      messages: channelMessages,
    };
    operations[`receive${camel('-' + channelId)}`] = {
      action: 'receive',
      channel: { $ref: `#/channels/${channelId}` },
      summary: `Consumer group ${producer}: every event of ${topic.name}; poison messages go to ${topic.deadLetter.name}.`,
      messages: Object.keys(channelMessages).map((m) => ({ $ref: `#/channels/${channelId}/messages/${m}` })),
    };
  }

  return {
    asyncapi: '3.0.0',
    id: `urn:bcci:${producer}`,
    info: {
      title: `BCCI Channel: ${producer} events`,
      version: '1.0.0',
      description: [
        producer === AGENCY_PRODUCER
          ? 'Commands that agency systems send to the agency gateway (the Kafka twin of its HTTP API).'
          : `Events produced${consumed.length ? ' and consumed' : ''} by the ${producer} service.`,
        'Every record: CloudEvents 1.0 in structured mode (value = envelope JSON, content-type application/cloudevents+json),',
        'Kafka key = dossier id (CloudEvents subject), W3C traceparent/tracestate in Kafka headers.',
        'No personal data in payloads: references only (claim check over HTTP).',
        'GENERATED from contracts/topics.json and contracts/schemas by contracts/scripts/generate-asyncapi.ts: do not edit.',
      ].join('\n'),
    },
    defaultContentType: CLOUDEVENTS_CONTENT_TYPE,
    servers: {
      embedded: { host: '127.0.0.1:9092', protocol: 'kafka', description: 'Embedded single-machine stack (the project’s Kafka-protocol broker).' },
      production: {
        host: '{bootstrapServers}',
        protocol: 'kafka-secure',
        description: 'Apache Kafka (Strimzi); topics created from contracts/topics.json.',
        variables: { bootstrapServers: { default: 'bcci-kafka-bootstrap:9093' } },
      },
    },
    channels,
    operations,
    components: { messages },
  };
}

// ------------------------------------------------------------------------------------- YAML emitter

const RESERVED = /^(?:true|false|null|yes|no|on|off|y|n|~|-?\d+(?:\.\d+)?(?:e[+-]?\d+)?|0x[0-9a-f]+|\.inf|\.nan)$/i;
const PLAIN = /^[A-Za-z0-9_$/.(][A-Za-z0-9 _$/.(),+=;-]*$/;

function scalar(value: Json): string {
  if (value === null) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') {
    return PLAIN.test(value) && !RESERVED.test(value) && !value.endsWith(' ') ? value : JSON.stringify(value);
  }
  throw new Error('not a scalar');
}

function key(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$.-]*$/.test(name) && !RESERVED.test(name) ? name : JSON.stringify(name);
}

function isEmpty(value: Json): boolean {
  return (Array.isArray(value) && value.length === 0) || (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0);
}

function emit(value: Json, indent: number, lines: string[]): void {
  const pad = '  '.repeat(indent);
  if (Array.isArray(value)) {
    for (const item of value) {
      if (item !== null && typeof item === 'object' && !isEmpty(item)) {
        const nested: string[] = [];
        emit(item, indent + 1, nested);
        lines.push(`${pad}- ${nested[0].trimStart()}`, ...nested.slice(1));
      } else {
        lines.push(`${pad}- ${isEmpty(item) ? (Array.isArray(item) ? '[]' : '{}') : scalar(item)}`);
      }
    }
    return;
  }
  for (const [name, item] of Object.entries(value as Record<string, Json>)) {
    if (item !== null && typeof item === 'object' && !isEmpty(item)) {
      lines.push(`${pad}${key(name)}:`);
      emit(item, Array.isArray(item) ? indent + 1 : indent + 1, lines);
    } else {
      lines.push(`${pad}${key(name)}: ${isEmpty(item) ? (Array.isArray(item) ? '[]' : '{}') : scalar(item)}`);
    }
  }
}

/** Block-style YAML (a JSON subset of YAML 1.2 scalars: strings needing it are double-quoted JSON strings). */
export function toYaml(value: Json): string {
  const lines: string[] = [];
  emit(value, 0, lines);
  return lines.join('\n') + '\n';
}

/** `asyncapi/<service>.asyncapi.yaml` → content, for every producing service. */
export function generateAsyncApiFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const producer of PRODUCERS) {
    files[`asyncapi/${producer}.asyncapi.yaml`] =
      '# GENERATED FILE: do not edit. Regenerate with `node tools/run-ts.mjs contracts/scripts/generate-asyncapi.ts`.\n' +
      toYaml(buildAsyncApiDocument(producer));
  }
  return files;
}
