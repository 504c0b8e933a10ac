import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  EVENT_CATALOG,
  TOPICS,
  TOPIC_PATTERNS,
  agencyIdOfTopic,
  agencyTopicFor,
  allConcreteTopics,
  deadLetterTopicFor,
  topicFor,
} from '../src';

describe('topics.json', () => {
  it.each(TOPICS.map((t) => [t.name, t]))('%s follows bcci.<producer>.<stream>.v<major> with its dead-letter topic', (name, topic) => {
    expect(name).toMatch(new RegExp(`^bcci\\.${topic.producer}\\.[a-z][a-z-]*\\.v[1-9][0-9]*$`));
    expect(topic.deadLetter.name).toBe(`${name}.dlq`);
    expect(deadLetterTopicFor(name)).toBe(`${name}.dlq`);
    expect(topic.partitions).toBeGreaterThan(0);
    expect(topic.deadLetter.partitions).toBeGreaterThan(0);
    for (const config of [topic.config, topic.deadLetter.config]) {
      expect(config['cleanup.policy']).toMatch(/^(delete|compact|compact,delete)$/);
      expect(Number(config['retention.ms'])).toBeGreaterThan(0);
    }
    expect(topic.eventTypes.length).toBeGreaterThan(0);
  });

  it('puts every event type on exactly one stream, the one of its producer, keyed by the dossier (or import) id', () => {
    for (const descriptor of EVENT_CATALOG) {
      const owners = TOPICS.filter((t) => t.eventTypes.includes(descriptor.type));
      expect(owners.map((t) => t.name)).toEqual([topicFor(descriptor.type)]);
      expect(owners[0].producer).toBe(descriptor.producer);
      expect(owners[0].key).toBe(descriptor.keyField);
    }
    const declared = [...TOPICS, ...TOPIC_PATTERNS].flatMap((t) => t.eventTypes);
    expect(declared.filter((type) => !EVENT_CATALOG.some((d) => d.type === type))).toEqual([]);
  });

  it('declares one stream per producing service, and the agencies\' inbound command stream', () => {
    expect(TOPICS.map((t) => t.producer).sort()).toEqual(['agency', 'agency-gateway', 'digitization', 'forwarding', 'intake', 'returns', 'tracking']);
    const decisions = TOPICS.find((t) => t.producer === 'agency')!;
    expect(decisions.name).toBe('bcci.agency.decisions.v1');
    expect(decisions.consumers).toEqual(['agency-gateway']);
    expect(decisions.deadLetter.name).toBe('bcci.agency.decisions.v1.dlq');
  });

  it('declares the per-agency topic pattern', () => {
    expect(agencyTopicFor('000.00.00.H38')).toBe('bcci.agency-gateway.agency.000.00.00.H38.v1');
    expect(agencyIdOfTopic('bcci.agency-gateway.agency.000.00.00.H38.v1')).toBe('000.00.00.H38');
    expect(agencyIdOfTopic('bcci.intake.dossier-events.v1')).toBeUndefined();
    expect(() => agencyTopicFor('h38/../x')).toThrow();
    const legal = /^[a-zA-Z0-9._-]{1,249}$/;
    expect(agencyTopicFor('9'.repeat(35))).toMatch(legal);
  });

  it('lists every concrete topic to create, with defaults merged', () => {
    const names = allConcreteTopics().map((t) => t.name);
    expect(names).toHaveLength(TOPICS.length * 2);
    expect(new Set(names).size).toBe(names.length);
    expect(allConcreteTopics()[0].config['min.insync.replicas']).toBe('2');
  });

  it('names only consumers that exist', () => {
    // A consumer is a producing service, the agency systems (via the gateway's topics), or a service that only reads (the post office app).
    const producers = new Set(TOPICS.map((t) => t.producer));
    const isService = (name: string) => existsSync(path.join(__dirname, '..', '..', 'services', name, 'src', 'main.ts'));
    const unknown = TOPICS.flatMap((topic) => topic.consumers.filter((consumer) => !producers.has(consumer) && !isService(consumer)).map((consumer) => `${topic.name}: ${consumer}`));
    expect(unknown).toEqual([]);
  });
});
