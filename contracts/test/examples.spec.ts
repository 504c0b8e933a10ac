import { EVENT_CATALOG, topicFor, validateEvent } from '../src';
import { loadExamples } from './helpers';

describe('examples', () => {
  const examples = loadExamples();

  it.each(examples.map((e) => [e.relativePath, e]))('%s validates (envelope, data, subject, national status)', (_, example) => {
    const result = validateEvent(example.event);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it.each(examples.map((e) => [e.relativePath, e]))('%s lives under its producer and event name', (_, example) => {
    const descriptor = EVENT_CATALOG.find((d) => d.type === example.event.type)!;
    expect(example.relativePath.startsWith(`${descriptor.producer}/${descriptor.name}.v${descriptor.version}.`)).toBe(true);
  });

  it.each(EVENT_CATALOG.map((d) => [d.type, d]))('%s has a topic and at least one example', (type) => {
    expect(topicFor(type)).toMatch(/^bcci\.[a-z-]+\.[a-z-]+\.v\d+$/);
    expect(examples.some((e) => e.event.type === type)).toBe(true);
  });
});
