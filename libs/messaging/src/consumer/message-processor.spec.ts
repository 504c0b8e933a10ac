import type { EntityManager } from 'typeorm';
import { presumeIfAllowed } from '@bcci/persistence';
import {
  buildEvent,
  DLQ_HEADERS,
  MessageProcessor,
  NonRetriableError,
  type BatchControl,
  type EventHandlerFn,
  type IncomingMessage,
  type MessageProcessorDeps,
  type OutgoingMessage,
} from '@bcci/messaging';

// Pure routing logic with the ports faked: the real client and database are covered by the int-specs.
const TOPIC = 'bcci.intake.dossier-events.v1';
const event = (subject: string, type = 'bcci.intake.dossier-registered.v1') =>
  buildEvent({ type, source: '/bcci/intake', subject, dataschema: 'urn:s', data: {} });
const message = (offset: number, value: unknown): IncomingMessage => ({
  topic: TOPIC,
  partition: 0,
  offset: String(offset),
  key: Buffer.from('D'),
  value: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
  headers: {},
});

type SetupOptions = {
  validate?: (e: unknown) => string[] | undefined;
  sendFails?: boolean;
  perTransaction?: number;
  /** An inbox that presumes records new where the transaction allows it: they fail the commit (as inbox_pkey would) for an event seen before. */
  presuming?: boolean;
  deps?: Partial<MessageProcessorDeps>;
};

/** What PostgreSQL answers when a presumed inbox row meets one committed before. */
const inboxKeyViolation = () => Object.assign(new Error('duplicate key value violates unique constraint "inbox_pkey"'), { code: '23505', constraint: 'inbox_pkey' });

function setup(handler: EventHandlerFn, options: SetupOptions = {}) {
  const log: string[] = [];
  /** The inbox's calls, apart from the log: most tests leave the inbox out of what they compare. */
  const inboxCalls: string[] = [];
  const sent: OutgoingMessage[] = [];
  const delays: number[] = [];
  const seen = new Set<string>();
  const processor = new MessageProcessor({
    consumer: 'tracking',
    resolveHandler: (type) => (type.startsWith('bcci.intake.') ? handler : undefined),
    // A transaction that logs commit/rollback, and an inbox that remembers only committed records.
    transaction: async (work) => {
      const pending: string[] = [];
      const presumed: string[] = [];
      const manager = { pending, presumed } as unknown as EntityManager;
      try {
        const result = await work(manager);
        if (presumed.some((id) => seen.has(id))) throw inboxKeyViolation();
        [...pending, ...presumed].forEach((id) => seen.add(id));
        log.push('commit');
        return result;
      } catch (error) {
        log.push('rollback');
        throw error;
      }
    },
    inbox: {
      record: async (manager, _consumer, id) => {
        // As Inbox does: presumed new where the transaction allows it (the consumer's first try), else asked.
        if (options.presuming && presumeIfAllowed(manager, 'inbox_pkey')) {
          inboxCalls.push(`presume ${id}`);
          (manager as unknown as { presumed: string[] }).presumed.push(id);
          return true;
        }
        inboxCalls.push(`record ${id}`);
        if (seen.has(id)) return false;
        (manager as unknown as { pending: string[] }).pending.push(id);
        return true;
      },
      recordMany: async (manager, _consumer, ids) => {
        const distinct = [...new Set(ids)];
        if (options.presuming && presumeIfAllowed(manager, 'inbox_pkey')) {
          inboxCalls.push(`presume ${distinct.join(',')}`);
          (manager as unknown as { presumed: string[] }).presumed.push(...distinct);
          return new Set(distinct);
        }
        inboxCalls.push(`record ${distinct.join(',')}`);
        const fresh = distinct.filter((id) => !seen.has(id));
        (manager as unknown as { pending: string[] }).pending.push(...fresh);
        return new Set(fresh);
      },
    },
    producer: {
      send: async (messages) => {
        if (options.sendFails) throw new Error('broker down');
        log.push('dead-letter');
        sent.push(...messages);
      },
      disconnect: async () => undefined,
    },
    validate: options.validate as never,
    retry: { maxAttempts: 3, initialDelayMs: 10, multiplier: 3, maxDelayMs: 1000, jitter: 0 },
    sleep: async (ms) => void delays.push(ms),
    ...(options.perTransaction !== undefined ? { maxMessagesPerTransaction: options.perTransaction } : {}),
    ...options.deps,
  });
  const control: BatchControl = {
    resolveOffset: (offset) => void log.push(`resolve ${offset}`),
    commitOffsetsIfNecessary: async () => void log.push('commit-offsets'),
    heartbeat: async () => undefined,
    shouldContinue: () => true,
  };
  return { processor, control, log, sent, delays, inboxCalls };
}

describe('MessageProcessor', () => {
  it('resolves an offset only after its transaction committed, and commits offsets after that', async () => {
    const { processor, control, log } = setup(async () => void log.push('handler'));
    await processor.processBatch({ topic: TOPIC, partition: 0, messages: [message(7, event('A'))] }, control);
    expect(log).toEqual(['handler', 'commit', 'resolve 7', 'commit-offsets']);
  });

  it('retries a failing handler with backoff and succeeds without a dead letter', async () => {
    let calls = 0;
    const { processor, control, log, delays, sent } = setup(async () => {
      if (++calls < 3) throw new Error('deadlock');
    });
    await processor.processBatch({ topic: TOPIC, partition: 0, messages: [message(1, event('A'))] }, control);
    expect(delays).toEqual([10, 30]);
    expect(log).toEqual(['rollback', 'rollback', 'commit', 'resolve 1', 'commit-offsets']);
    expect(sent).toEqual([]);
  });

  it('dead-letters a message that keeps failing, and the partition keeps flowing', async () => {
    const poison = event('P');
    const { processor, control, log, sent } = setup(async (e) => {
      if (e.id === poison.id) throw new Error('always');
    });
    await processor.processBatch({ topic: TOPIC, partition: 0, messages: [message(1, poison), message(2, event('B'))] }, control);
    expect(sent).toHaveLength(1);
    expect(sent[0].topic).toBe(`${TOPIC}.dlq`);
    expect(sent[0].headers[DLQ_HEADERS.reason]).toBe('failed 3 attempt(s); last error: Error: always');
    expect(sent[0].headers[DLQ_HEADERS.attempts]).toBe('3');
    expect(log.filter((entry) => entry.startsWith('resolve'))).toEqual(['resolve 1', 'resolve 2']);
  });

  it('dead-letters at once on a non-retriable error', async () => {
    const { processor, control, delays, sent } = setup(async () => {
      throw new NonRetriableError('no such procedure');
    });
    await processor.processBatch({ topic: TOPIC, partition: 0, messages: [message(1, event('A'))] }, control);
    expect(delays).toEqual([]);
    expect(sent[0].headers[DLQ_HEADERS.reason]).toBe('NonRetriableError: no such procedure');
  });

  it('dead-letters unparseable and schema-invalid messages without calling the handler', async () => {
    const handler = jest.fn(async () => undefined);
    const { processor, control, sent } = setup(handler, { validate: () => ['/data/dossierId: must be string'] });
    await processor.processBatch({ topic: TOPIC, partition: 0, messages: [message(1, 'not json'), message(2, event('A'))] }, control);
    expect(handler).not.toHaveBeenCalled();
    expect(sent.map((m) => m.headers[DLQ_HEADERS.reason])).toEqual([
      'Error: message value is not JSON',
      'EventValidationError: schema validation failed: /data/dossierId: must be string',
    ]);
  });

  it('skips the effect of a redelivered event and ignores event types it has no handler for', async () => {
    const handler = jest.fn(async () => undefined);
    const { processor } = setup(handler);
    const once = event('A');
    expect(await processor.process(message(1, once))).toBe('handled');
    expect(await processor.process(message(1, once))).toBe('duplicate');
    expect(await processor.process(message(2, event('A', 'bcci.returns.result-delivered.v1')))).toBe('ignored');
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('neither validates nor records nor opens a transaction for event types it has no handler for (alone or in a run)', async () => {
    const validate = jest.fn(() => undefined);
    const handler = jest.fn(async () => undefined);
    const { processor, control, log } = setup(handler, { validate });
    const others = [1, 2, 3].map((n) => message(n, event(`R${n}`, 'bcci.returns.result-delivered.v1')));
    await processor.processBatch({ topic: TOPIC, partition: 0, messages: others }, control);
    expect(await processor.process(message(4, event('R4', 'bcci.returns.result-delivered.v1')))).toBe('ignored');
    expect(validate).not.toHaveBeenCalled();
    expect(log.filter((entry) => entry === 'commit' || entry === 'rollback')).toEqual([]);
    expect(log.filter((entry) => entry.startsWith('resolve'))).toEqual(['resolve 1', 'resolve 2', 'resolve 3']);
    // In a run with a handled event, only that one is validated and recorded.
    await processor.processBatch({ topic: TOPIC, partition: 0, messages: [message(5, event('R5', 'bcci.returns.result-delivered.v1')), message(6, event('A'))] }, control);
    expect(validate).toHaveBeenCalledTimes(1);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('leaves the offset unresolved when the dead letter cannot be sent, so the batch is redelivered', async () => {
    const { processor, control, log } = setup(async () => undefined, { sendFails: true });
    await expect(processor.processBatch({ topic: TOPIC, partition: 0, messages: [message(1, 'junk')] }, control)).rejects.toThrow('broker down');
    expect(log.some((entry) => entry.startsWith('resolve'))).toBe(false);
  });

  it('handles a run of messages in one transaction and resolves their offsets after its commit', async () => {
    const { processor, control, log } = setup(async (e) => void log.push(`handler ${e.subject}`));
    await processor.processBatch({ topic: TOPIC, partition: 0, messages: [message(1, event('A')), message(2, event('B')), message(3, event('C'))] }, control);
    expect(log).toEqual(['handler A', 'handler B', 'handler C', 'commit', 'resolve 1', 'resolve 2', 'resolve 3', 'commit-offsets']);
  });

  it('splits a batch into runs of at most maxMessagesPerTransaction', async () => {
    const { processor, control, log } = setup(async () => undefined, { perTransaction: 2 });
    await processor.processBatch({ topic: TOPIC, partition: 0, messages: [1, 2, 3, 4, 5].map((n) => message(n, event(`D${n}`))) }, control);
    expect(log.filter((entry) => entry === 'commit')).toHaveLength(3);
    expect(log.filter((entry) => entry.startsWith('resolve'))).toEqual(['resolve 1', 'resolve 2', 'resolve 3', 'resolve 4', 'resolve 5']);
  });

  it('handles an event delivered twice in one run once', async () => {
    const handler = jest.fn(async () => undefined);
    const { processor, control } = setup(handler);
    const twice = event('A');
    await processor.processBatch({ topic: TOPIC, partition: 0, messages: [message(1, twice), message(2, event('B')), message(3, twice)] }, control);
    expect(handler).toHaveBeenCalledTimes(2);
  });

  it('rolls back a run in which one handler fails, then handles its messages one by one, in order, retrying the failing one', async () => {
    let failures = 0;
    const handled: string[] = [];
    const { processor, control, log, sent } = setup(async (e) => {
      if (e.subject === 'B' && failures++ < 2) throw new Error('deadlock');
      handled.push(e.subject!);
    });
    await processor.processBatch({ topic: TOPIC, partition: 0, messages: [message(1, event('A')), message(2, event('B')), message(3, event('C'))] }, control);
    // The run's first try is rolled back (A's effect with it); then A, B (after one more retry) and C each commit.
    expect(log.filter((entry) => entry === 'commit' || entry === 'rollback')).toEqual(['rollback', 'commit', 'rollback', 'commit', 'commit']);
    expect(handled).toEqual(['A', 'A', 'B', 'C']);
    expect(log.filter((entry) => entry.startsWith('resolve'))).toEqual(['resolve 1', 'resolve 2', 'resolve 3']);
    expect(sent).toEqual([]);
  });

  it('runs the work handlers leave for the end of the transaction once per key, after the last handler and before the commit', async () => {
    const gathered: string[] = [];
    const { processor, control, log } = setup(async (e, context) => {
      gathered.push(e.subject!);
      context.beforeCommit(gathered, async () => void log.push(`write ${gathered.splice(0).join(',')}`));
    });
    await processor.processBatch({ topic: TOPIC, partition: 0, messages: [message(1, event('A')), message(2, event('B')), message(3, event('C'))] }, control);
    expect(log).toEqual(['write A,B,C', 'commit', 'resolve 1', 'resolve 2', 'resolve 3', 'commit-offsets']);
  });

  it('rolls back a run whose end-of-transaction work fails, then handles each message alone, each with its own end-of-transaction work', async () => {
    let writes = 0;
    const { processor, control, log } = setup(async (e, context) => {
      context.beforeCommit(context.manager, async () => {
        if (writes++ === 0) throw new Error('serialization failure');
        log.push(`write ${e.subject}`);
      });
    });
    await processor.processBatch({ topic: TOPIC, partition: 0, messages: [message(1, event('A')), message(2, event('B'))] }, control);
    expect(log.filter((entry) => !entry.startsWith('resolve') && entry !== 'commit-offsets')).toEqual(['rollback', 'write A', 'commit', 'write B', 'commit']);
  });

  it('handles batches of several partitions delivered together in one transaction, resolving each offset with its own partition', async () => {
    const handled: string[] = [];
    const { processor, log } = setup(async (e) => void handled.push(e.subject!));
    const partition = (n: number) => ({
      resolveOffset: (offset: string) => void log.push(`resolve p${n}@${offset}`),
      commitOffsetsIfNecessary: async () => undefined,
      heartbeat: async () => undefined,
      shouldContinue: () => true,
    });
    await processor.processBatches([
      { batch: { topic: TOPIC, partition: 0, messages: [message(7, event('A1')), message(8, event('A2'))] }, control: partition(0) },
      { batch: { topic: TOPIC, partition: 1, messages: [message(3, event('B1'))] }, control: partition(1) },
    ]);
    expect(log).toEqual(['commit', 'resolve p0@7', 'resolve p0@8', 'resolve p1@3']);
    expect(handled).toEqual(['A1', 'A2', 'B1']);
  });

  it('leaves the messages of a partition revoked meanwhile for its new owner and goes on with the others', async () => {
    const { processor, log } = setup(async () => undefined);
    const partition = (n: number, ours: () => boolean) => ({
      resolveOffset: (offset: string) => void log.push(`resolve p${n}@${offset}`),
      commitOffsetsIfNecessary: async () => undefined,
      heartbeat: async () => undefined,
      shouldContinue: ours,
    });
    await processor.processBatches([
      { batch: { topic: TOPIC, partition: 0, messages: [message(1, event('A1'))] }, control: partition(0, () => false) },
      { batch: { topic: TOPIC, partition: 1, messages: [message(5, event('B1')), message(6, event('B2'))] }, control: partition(1, () => true) },
    ]);
    expect(log).toEqual(['commit', 'resolve p1@5', 'resolve p1@6']);
  });

  it('stops mid-batch when the partition is revoked', async () => {
    const handler = jest.fn(async () => undefined);
    const { processor, control } = setup(handler, { perTransaction: 1 });
    let left = 1;
    const revoking = { ...control, shouldContinue: () => left-- > 0 };
    await processor.processBatch({ topic: TOPIC, partition: 0, messages: [message(1, event('A')), message(2, event('B'))] }, revoking);
    expect(handler).toHaveBeenCalledTimes(1);
  });
});

describe('MessageProcessor with an inbox that presumes a delivery is new', () => {
  const outcomesOf = (deps: Partial<MessageProcessorDeps> = {}) => {
    const outcomes: string[] = [];
    return { outcomes, deps: { ...deps, onOutcome: (outcome: string) => void outcomes.push(outcome) } };
  };

  it("records a first delivery without asking the inbox first, in the handler's transaction", async () => {
    const { processor, control, log, inboxCalls } = setup(async (e) => void log.push(`handler ${e.subject}`), { presuming: true });
    const first = event('A');
    await processor.processBatch({ topic: TOPIC, partition: 0, messages: [message(1, first)] }, control);
    expect(inboxCalls).toEqual([`presume ${first.id}`]);
    expect(log).toEqual(['handler A', 'commit', 'resolve 1', 'commit-offsets']);
  });

  it('skips a redelivered event: the presumed record fails the commit, and the inbox, asked at once, says it was handled', async () => {
    const { outcomes, deps } = outcomesOf();
    const handler = jest.fn(async () => undefined);
    const { processor, control, log, delays, sent, inboxCalls } = setup(handler, { presuming: true, deps });
    const once = event('A');
    await processor.processBatch({ topic: TOPIC, partition: 0, messages: [message(1, once)] }, control);
    await processor.processBatch({ topic: TOPIC, partition: 0, messages: [message(1, once)] }, control);
    expect(outcomes).toEqual(['handled', 'duplicate']);
    expect(inboxCalls).toEqual([`presume ${once.id}`, `presume ${once.id}`, `record ${once.id}`]);
    // The redelivery's presumed try ran the handler and was rolled back; nothing was retried later or dead-lettered.
    expect(log.filter((entry) => entry === 'commit' || entry === 'rollback')).toEqual(['commit', 'rollback', 'commit']);
    expect(handler).toHaveBeenCalledTimes(2);
    expect(delays).toEqual([]);
    expect(sent).toEqual([]);
  });

  it('runs a run holding a redelivered event again, asking the inbox, and handles only the new ones in one transaction', async () => {
    const { outcomes, deps } = outcomesOf();
    const handled: string[] = [];
    const { processor, control, log, inboxCalls } = setup(async (e) => void handled.push(e.subject!), { presuming: true, deps });
    const old = event('OLD');
    await processor.processBatch({ topic: TOPIC, partition: 0, messages: [message(1, old)] }, control);
    handled.length = 0;
    log.length = 0;
    inboxCalls.length = 0;
    const fresh = event('NEW');
    await processor.processBatch({ topic: TOPIC, partition: 0, messages: [message(1, old), message(2, fresh)] }, control);
    expect(inboxCalls).toEqual([`presume ${old.id},${fresh.id}`, `record ${old.id},${fresh.id}`]);
    expect(handled).toEqual(['OLD', 'NEW', 'NEW']);
    expect(log).toEqual(['rollback', 'commit', 'resolve 1', 'resolve 2', 'commit-offsets']);
    expect(outcomes).toEqual(['handled', 'duplicate', 'handled']);
  });

  it('counts a presumed try that fails for another reason as a failed attempt, and checks the inbox on the next ones', async () => {
    let calls = 0;
    const { processor, control, delays, inboxCalls, sent } = setup(
      async () => {
        if (++calls < 3) throw new Error('deadlock');
      },
      { presuming: true },
    );
    const flaky = event('A');
    await processor.processBatch({ topic: TOPIC, partition: 0, messages: [message(1, flaky)] }, control);
    expect(calls).toBe(3);
    expect(delays).toEqual([10, 30]);
    expect(inboxCalls).toEqual([`presume ${flaky.id}`, `record ${flaky.id}`, `record ${flaky.id}`]);
    expect(sent).toEqual([]);
  });

  it("counts a handler's own unique violation on a presumed try as a failed attempt: only the inbox's key is a redelivery", async () => {
    let calls = 0;
    const { processor, control, delays, inboxCalls } = setup(
      async () => {
        if (++calls < 2) throw Object.assign(new Error('duplicate key value violates unique constraint "postal_legs_dossier_key"'), { code: '23505', constraint: 'postal_legs_dossier_key' });
      },
      { presuming: true },
    );
    const clashing = event('A');
    await processor.processBatch({ topic: TOPIC, partition: 0, messages: [message(1, clashing)] }, control);
    expect(calls).toBe(2);
    // A pause before the second try: the first one failed, it was not taken for a redelivery.
    expect(delays).toEqual([10]);
    expect(inboxCalls).toEqual([`presume ${clashing.id}`, `record ${clashing.id}`]);
  });
});
