import { eventName, eventProducer, inEventTimeOrder, type TimelineEvent } from './timeline-event';

const at = (id: string, time: string): TimelineEvent => ({ id, type: 'bcci.forwarding.courier-scanned.v1', time, data: {} });

describe('timeline events', () => {
  it('are read in event time order whatever order they arrived in, ties by event id', () => {
    const events = [at('c', '2026-03-02T10:00:00+07:00'), at('b', '2026-03-02T02:00:00Z'), at('a', '2026-03-02T09:00:00+07:00'), at('d', '2026-03-02T01:59:59.999Z')];
    // 10:00+07 is 03:00Z; 02:00Z and 09:00+07 are the same instant, so the id decides.
    expect(inEventTimeOrder(events).map((event) => event.id)).toEqual(['d', 'a', 'b', 'c']);
    expect(events.map((event) => event.id)).toEqual(['c', 'b', 'a', 'd']);
  });

  it('name their kind and producer from the type, however often asked', () => {
    for (let i = 0; i < 3; i++) {
      expect(eventName('bcci.agency-gateway.result-issued.v1')).toBe('result-issued');
      expect(eventProducer('bcci.agency-gateway.result-issued.v1')).toBe('agency-gateway');
    }
    expect(eventName('not-dotted')).toBe('not-dotted');
    expect(eventProducer('not-dotted')).toBe('');
  });
});
