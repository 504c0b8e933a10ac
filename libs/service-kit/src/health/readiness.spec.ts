import { readiness } from './readiness';

describe('readiness', () => {
  it('is ready when the database and Kafka answer and the consumer flows (the body is unchanged)', () => {
    expect(readiness({ database: true, kafka: true })).toEqual({ ready: true, body: { status: 'ready', database: 'up', kafka: 'up' } });
  });

  it('names what is down', () => {
    expect(readiness({ database: false, kafka: true })).toEqual({
      ready: false,
      message: 'Not ready: database down, kafka up',
      details: { database: 'down', kafka: 'up', consumer: 'flowing' },
    });
  });

  it('is not ready while the consumer waits on a dependency, even once the database answers again, and says why', () => {
    const consumerWait = {
      since: new Date('2026-12-05T13:00:00.000Z'),
      reason: 'QueryFailedError: the database system is not yet accepting connections',
      retries: 6,
      holding: 'bcci.agency-gateway.result-events.v1@3:1207',
    };
    expect(readiness({ database: true, kafka: true, consumerWait })).toEqual({
      ready: false,
      message:
        'Not ready: database up, kafka up, consumer waiting on a dependency since 2026-12-05T13:00:00.000Z ' +
        '(QueryFailedError: the database system is not yet accepting connections)',
      details: {
        database: 'up',
        kafka: 'up',
        consumer: 'waiting-on-dependency',
        consumerWait: { since: '2026-12-05T13:00:00.000Z', reason: consumerWait.reason, holding: consumerWait.holding, retries: 6 },
      },
    });
  });
});
