import fs from 'node:fs';
import { TOPICS_FILE } from './paths';

/** Topic-level Kafka configuration (string values, as Kafka's CreateTopics and Strimzi expect). */
export type TopicConfig = Record<string, string>;

export interface DeadLetterTopicDeclaration {
  name: string;
  partitions: number;
  config: TopicConfig;
}

export interface TopicDeclaration {
  name: string;
  producer: string;
  description: string;
  /** Field of the event used as Kafka key (`dossierId` = CloudEvents `subject`). */
  key: string;
  partitions: number;
  config: TopicConfig;
  eventTypes: string[];
  consumers: string[];
  deadLetter: DeadLetterTopicDeclaration;
}

export interface TopicPatternDeclaration {
  /** Human-readable pattern with a `{agencyId}` placeholder. */
  pattern: string;
  regex: string;
  parameter: { name: string; pattern: string };
  producer: string;
  description: string;
  key: string;
  partitions: number;
  config: TopicConfig;
  eventTypes: string[];
  consumers: string[];
}

export interface TopicsFile {
  description: string;
  defaults: { replicationFactor: number; embeddedReplicationFactor: number; config: TopicConfig };
  topics: TopicDeclaration[];
  topicPatterns: TopicPatternDeclaration[];
}

/** The parsed `contracts/topics.json`. */
export const TOPICS_FILE_CONTENT: TopicsFile = JSON.parse(fs.readFileSync(TOPICS_FILE, 'utf8')) as TopicsFile;
export const TOPIC_DEFAULTS = TOPICS_FILE_CONTENT.defaults;
export const TOPICS: readonly TopicDeclaration[] = TOPICS_FILE_CONTENT.topics;
export const TOPIC_PATTERNS: readonly TopicPatternDeclaration[] = TOPICS_FILE_CONTENT.topicPatterns;

export const DEAD_LETTER_SUFFIX = '.dlq';
export const AGENCY_TOPIC_PATTERN: TopicPatternDeclaration = findPattern('agencyId');

function findPattern(parameter: string): TopicPatternDeclaration {
  const found = TOPIC_PATTERNS.find((p) => p.parameter.name === parameter);
  if (!found) throw new Error(`topics.json declares no pattern with parameter ${parameter}`);
  return found;
}

/** Kafka topic of an event type (the producer's stream). Throws for an unknown type. */
export function topicFor(eventType: string): string {
  const topic = TOPICS.find((t) => t.eventTypes.includes(eventType));
  if (!topic) throw new Error(`no topic declared for event type ${eventType}`);
  return topic.name;
}

export function findTopic(name: string): TopicDeclaration | undefined {
  return TOPICS.find((t) => t.name === name);
}

/** Dead-letter topic of a declared topic: `<topic>.dlq`. */
export function deadLetterTopicFor(topic: string): string {
  const declared = findTopic(topic);
  if (!declared) throw new Error(`topic ${topic} is not declared in contracts/topics.json`);
  return declared.deadLetter.name;
}

/** Per-agency topic of the agency gateway: `bcci.agency-gateway.agency.<agencyId>.v1`. */
export function agencyTopicFor(agencyId: string): string {
  if (!new RegExp(AGENCY_TOPIC_PATTERN.parameter.pattern).test(agencyId)) {
    throw new Error(`invalid agency id for a topic name: ${agencyId}`);
  }
  return AGENCY_TOPIC_PATTERN.pattern.replace('{agencyId}', agencyId);
}

/** The agency id of a per-agency topic, or undefined if the name is not one. */
export function agencyIdOfTopic(topic: string): string | undefined {
  if (!new RegExp(AGENCY_TOPIC_PATTERN.regex).test(topic)) return undefined;
  const [prefix, suffix] = AGENCY_TOPIC_PATTERN.pattern.split('{agencyId}');
  return topic.slice(prefix.length, topic.length - suffix.length);
}

/** Every concrete topic to create (streams and their dead letters); per-agency topics are created per agency. */
export function allConcreteTopics(): Array<{ name: string; partitions: number; config: TopicConfig }> {
  return TOPICS.flatMap((t) => [
    { name: t.name, partitions: t.partitions, config: { ...TOPIC_DEFAULTS.config, ...t.config } },
    { name: t.deadLetter.name, partitions: t.deadLetter.partitions, config: { ...TOPIC_DEFAULTS.config, ...t.deadLetter.config } },
  ]);
}
