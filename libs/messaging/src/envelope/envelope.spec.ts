import { buildEvent, childTraceparent, createTraceparent, eventCausedBy, parseEvent, parseTraceparent } from '@bcci/messaging';

const base = { type: 'bcci.intake.dossier-registered.v1', source: '/bcci/intake', subject: 'D-1', dataschema: 'urn:schema', data: { a: 1 } };

describe('CloudEvents envelope', () => {
  it('builds a 1.0 envelope with a uuid v4 id that starts its own correlation chain', () => {
    const event = buildEvent({ ...base, time: new Date('2026-01-05T03:00:00Z') });
    expect(event).toMatchObject({ specversion: '1.0', ...base, time: '2026-01-05T03:00:00.000Z', datacontenttype: 'application/json' });
    expect(event.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(event.correlationid).toBe(event.id);
    expect(event.causationid).toBe(event.id);
  });

  it('links a caused event to its cause', () => {
    const cause = buildEvent({ ...base, correlationId: 'req-7' });
    const effect = eventCausedBy(cause, { ...base, type: 'bcci.forwarding.dossier-dispatched.v1' });
    expect(effect.correlationid).toBe('req-7');
    expect(effect.causationid).toBe(cause.id);
    expect(effect.id).not.toBe(cause.id);
  });

  it('parses its own output and names what is missing from a broken one', () => {
    const event = buildEvent(base);
    expect(parseEvent(Buffer.from(JSON.stringify(event)))).toEqual(event);
    expect(() => parseEvent(Buffer.from('{"id":"x"}'))).toThrow(/envelope lacks specversion, type, source/);
    expect(() => parseEvent(Buffer.from('not json'))).toThrow('not JSON');
    expect(() => parseEvent(null)).toThrow('no value');
  });
});

describe('W3C trace context', () => {
  it('continues an incoming trace with a new span, and starts a new trace for a bad header', () => {
    const incoming = createTraceparent();
    const child = parseTraceparent(childTraceparent(incoming))!;
    const parent = parseTraceparent(incoming)!;
    expect(child.traceId).toBe(parent.traceId);
    expect(child.spanId).not.toBe(parent.spanId);
    expect(parseTraceparent(childTraceparent('garbage'))!.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(parseTraceparent('00-00000000000000000000000000000000-0000000000000001-01')).toBeUndefined();
  });

  it('gives every new trace and span its own ids, well past one fill of the random pool', () => {
    const traces = Array.from({ length: 2000 }, () => parseTraceparent(createTraceparent())!);
    const spans = Array.from({ length: 2000 }, () => parseTraceparent(childTraceparent(createTraceparent()))!.spanId);
    expect(traces.every((trace) => /^[0-9a-f]{32}$/.test(trace.traceId) && /^[0-9a-f]{16}$/.test(trace.spanId))).toBe(true);
    expect(new Set(traces.map((trace) => trace.traceId)).size).toBe(2000);
    expect(new Set([...traces.map((trace) => trace.spanId), ...spans]).size).toBe(4000);
  });
});
