import { validateDeadLetterHeaders } from '@bcci/contracts';
import { DLQ_HEADERS, fromDeadLetter, toDeadLetter, type IncomingMessage } from '@bcci/messaging';

const original: IncomingMessage = {
  topic: 'bcci.intake.dossier-events.v1',
  partition: 2,
  offset: '41',
  key: Buffer.from('D-1'),
  value: Buffer.from('{"id":"e-1"}'),
  headers: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' },
};

describe('dead letters', () => {
  it('go to <topic>.dlq with key, value, original headers, origin and reason', () => {
    const letter = toDeadLetter(original, { reason: 'schema validation failed', errorKind: 'VALIDATION', consumer: 'tracking', attempts: 0, failedAt: new Date(0) });
    expect(letter.topic).toBe('bcci.intake.dossier-events.v1.dlq');
    expect(letter.key).toBe('D-1');
    expect(letter.value).toEqual(original.value);
    expect(letter.headers).toMatchObject({
      traceparent: original.headers.traceparent,
      [DLQ_HEADERS.originalTopic]: original.topic,
      [DLQ_HEADERS.originalPartition]: '2',
      [DLQ_HEADERS.originalOffset]: '41',
      [DLQ_HEADERS.reason]: 'schema validation failed',
      [DLQ_HEADERS.errorKind]: 'VALIDATION',
      [DLQ_HEADERS.consumer]: 'tracking',
    });
    expect(validateDeadLetterHeaders(letter.headers as Record<string, string>)).toMatchObject({ valid: true });
  });

  it('replay to the original topic without the DLQ headers', () => {
    const letter = toDeadLetter(original, { reason: 'x', errorKind: 'PROCESSING', consumer: 'tracking', attempts: 5 });
    const asReceived: IncomingMessage = { ...original, topic: letter.topic, offset: '0', headers: letter.headers };
    const replayed = fromDeadLetter(asReceived, new Date(0));
    expect(replayed).toEqual({
      topic: original.topic,
      key: 'D-1',
      value: original.value,
      headers: { traceparent: original.headers.traceparent, [DLQ_HEADERS.replayedAt]: '1970-01-01T00:00:00.000Z' },
    });
    expect(() => fromDeadLetter(original)).toThrow(/lacks dlq-original-topic/);
  });
});
