import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assertValidEvent, deadLetterTopicFor, EXAMPLES_DIR, topicFor } from '@bcci/contracts';
import { DLQ_HEADERS, KafkajsMessageBus, type IncomingMessage } from '@bcci/messaging';
import request from 'supertest';
import { EventCollector, startTestService, type TestService } from '../testing/src';
import { MessagingLifecycle } from '../src/messaging/messaging-lifecycle';
import { SAMPLE_CONSUMER_GROUP, SampleModule } from './sample/sample.module';

const WITHDRAWN = 'bcci.intake.dossier-withdrawn.v1';
const TOPIC = topicFor(WITHDRAWN);

async function waitUntil(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** Reads a topic from the beginning with a throw-away group until a message with this key arrives. */
async function firstMessageWithKey(brokers: string[], topic: string, key: string): Promise<IncomingMessage> {
  const bus = new KafkajsMessageBus({ clientId: 'dlq-reader', brokers, logLevel: 'NOTHING', maxWaitTimeMs: 200 });
  const consumer = await bus.createConsumer({ groupId: `dlq-reader-${randomUUID()}`, topics: [topic], fromBeginning: true });
  let found: IncomingMessage | undefined;
  await consumer.run(async (batch, control) => {
    for (const message of batch.messages) {
      if (message.key?.toString() === key) found ??= message;
      control.resolveOffset(message.offset);
    }
  });
  try {
    await waitUntil(async () => found !== undefined);
  } finally {
    await consumer.disconnect();
  }
  return found!;
}

describe('service kit: a sample feature end to end (PostgreSQL + broker)', () => {
  let service: TestService;
  let collector: EventCollector;
  const mine = new Set<string>();

  beforeAll(async () => {
    service = await startTestService(SampleModule, { serviceName: 'sample' });
    collector = await new EventCollector({ brokers: service.brokers, topics: [TOPIC], where: (event) => mine.has(event.subject) }).start();
  });
  afterAll(async () => {
    await collector?.stop();
    await service?.stop();
  });

  const withdraw = (body: object, headers: Record<string, string> = {}) =>
    request(service.url).post('/sample/withdrawals').set({ Authorization: service.authHeader(), ...headers }).send(body);

  const seenCount = async (dossierId: string) =>
    Number((await service.dataSource.query(`SELECT count(*)::int AS n FROM sample_seen_event WHERE dossier_id = $1`, [dossierId]))[0].n);

  it('writes the row and publishes exactly one valid event, which the @OnEvent handler applies once', async () => {
    const dossierId = randomUUID();
    mine.add(dossierId);
    const res = await withdraw({ dossierId, reason: 'Người nộp đề nghị rút', agencyFees: 50000 }).expect(201);
    expect(res.body).toEqual({ dossierId, eventId: expect.any(String) });

    const [first] = await collector.waitFor((event) => event.subject === dossierId);
    assertValidEvent(first!.event);
    expect(first!.event).toMatchObject({ id: res.body.eventId, type: WITHDRAWN, data: { dossierId, refund: { agencyFees: 50000 } } });
    expect(first!.message.key?.toString()).toBe(dossierId);
    expect(first!.message.headers['traceparent']).toMatch(/^00-/);

    await waitUntil(async () => (await seenCount(dossierId)) === 1);
    await collector.drainToEnd();
    expect(collector.events.filter(({ event }) => event.subject === dossierId)).toHaveLength(1);
  });

  it('absorbs a redelivery (relay crash before marking sent): the handler does not run twice', async () => {
    const dossierId = randomUUID();
    mine.add(dossierId);
    await withdraw({ dossierId, reason: 'Rút hồ sơ', agencyFees: 0 }).expect(201);
    await waitUntil(async () => (await seenCount(dossierId)) === 1);

    // What a crash between the broker's ack and the commit leaves behind: a published row still unsent.
    await service.dataSource.query(`UPDATE outbox SET published_at = NULL WHERE message_key = $1`, [dossierId]);
    const copies = await collector.waitFor((event) => event.subject === dossierId, 2);
    expect(copies[0]!.event.id).toBe(copies[1]!.event.id);

    const duplicate = copies[1]!.message;
    const bus = new KafkajsMessageBus({ clientId: 'lag-check', brokers: service.brokers, logLevel: 'NOTHING' });
    await waitUntil(async () => {
      const committed = await bus.committedOffsets(SAMPLE_CONSUMER_GROUP, TOPIC);
      const offset = committed.find(({ partition }) => partition === duplicate.partition)?.offset ?? '-1';
      return BigInt(offset) > BigInt(duplicate.offset);
    });
    expect(await seenCount(dossierId)).toBe(1);
    const inbox = await service.dataSource.query(`SELECT count(*)::int AS n FROM inbox WHERE event_id = $1`, [copies[0]!.event.id]);
    expect(inbox[0].n).toBe(1);
    const metrics = await request(service.url).get('/metrics').expect(200);
    expect(metrics.text).toMatch(new RegExp(`events_consumed_total\\{type="${WITHDRAWN.replace(/\./g, '\\.')}",outcome="duplicate"[^}]*\\} [1-9]`));
  });

  it('sends an event that fails its schema to the dead-letter topic with the reason, without calling the handler', async () => {
    const dossierId = randomUUID();
    const example = JSON.parse(readFileSync(path.join(EXAMPLES_DIR, 'intake', 'dossier-withdrawn.v1.example.json'), 'utf8'));
    const invalid = { ...example, id: randomUUID(), subject: dossierId, data: { ...example.data, dossierId, refund: { agencyFees: -1, postage: 0 } } };
    const bus = new KafkajsMessageBus({ clientId: 'poison', brokers: service.brokers, logLevel: 'NOTHING' });
    const producer = await bus.createProducer();
    await producer.send([{ topic: TOPIC, key: dossierId, value: JSON.stringify(invalid), headers: { 'content-type': 'application/cloudevents+json' } }]);
    await producer.disconnect();

    const letter = await firstMessageWithKey(service.brokers, deadLetterTopicFor(TOPIC), dossierId);
    expect(letter.headers[DLQ_HEADERS.reason]).toMatch(/agencyFees/);
    expect(await seenCount(dossierId)).toBe(0);
  });

  it('acknowledges events of a type nobody handles on a subscribed topic', async () => {
    const dossierId = randomUUID();
    mine.add(dossierId);
    const example = JSON.parse(readFileSync(path.join(EXAMPLES_DIR, 'intake', 'dossier-registered.v1.example.json'), 'utf8'));
    const registered = { ...example, id: randomUUID(), subject: dossierId, data: { ...example.data, dossierId } };
    assertValidEvent(registered);
    const bus = new KafkajsMessageBus({ clientId: 'other-type', brokers: service.brokers, logLevel: 'NOTHING' });
    const producer = await bus.createProducer();
    await producer.send([{ topic: TOPIC, key: dossierId, value: JSON.stringify(registered), headers: { 'content-type': 'application/cloudevents+json' } }]);
    await producer.disconnect();
    // Same key, same partition, later offset: once the withdrawal is applied, the registration was passed.
    await withdraw({ dossierId, reason: 'Rút', agencyFees: 0 }).expect(201);
    await waitUntil(async () => (await seenCount(dossierId)) === 1);
    const metrics = await request(service.url).get('/metrics').expect(200);
    expect(metrics.text).toMatch(/events_consumed_total\{type="bcci\.intake\.dossier-registered\.v1",outcome="ignored"[^}]*\} [1-9]/);
  });

  it('creates once when the same Idempotency-Key arrives concurrently', async () => {
    const dossierId = randomUUID();
    mine.add(dossierId);
    const body = { dossierId, reason: 'Rút', agencyFees: 0 };
    const answers = await Promise.all(Array.from({ length: 5 }, () => withdraw(body, { 'Idempotency-Key': `concurrent-${dossierId}` })));
    expect(answers.map((res) => res.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((res) => res.body.eventId)).size).toBe(1);
    const outbox = await service.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE message_key = $1`, [dossierId]);
    expect(outbox[0].n).toBe(1);
  });

  it('returns the first answer for a retried Idempotency-Key and creates nothing twice', async () => {
    const dossierId = randomUUID();
    mine.add(dossierId);
    const body = { dossierId, reason: 'Rút', agencyFees: 1000 };
    const first = await withdraw(body, { 'Idempotency-Key': 'retry-1' }).expect(201);
    const again = await withdraw({ agencyFees: 1000, reason: 'Rút', dossierId }, { 'Idempotency-Key': 'retry-1' }).expect(201);
    expect(again.body).toEqual(first.body);
    const outbox = await service.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE message_key = $1`, [dossierId]);
    expect(outbox[0].n).toBe(1);

    const reused = await withdraw({ ...body, agencyFees: 2000 }, { 'Idempotency-Key': 'retry-1' }).expect(409);
    expect(reused.body).toMatchObject({ statusCode: 409, error: 'Conflict', code: 'idempotency-key.reused', messageVi: expect.stringContaining('Idempotency-Key') });
  });

  it('answers 409 for a state conflict and writes nothing more', async () => {
    const dossierId = randomUUID();
    await withdraw({ dossierId, reason: 'Rút', agencyFees: 0 }).expect(201);
    const res = await withdraw({ dossierId, reason: 'Rút lần hai', agencyFees: 0 }).expect(409);
    expect(res.body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'Dossier already withdrawn',
      messageVi: 'Hồ sơ đã được rút trước đó.',
      code: 'sample.already-withdrawn',
    });
    const outbox = await service.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE message_key = $1`, [dossierId]);
    expect(outbox[0].n).toBe(1);
  });

  it('answers 401 without a valid token, 403 for another role or another postal point', async () => {
    const noToken = await request(service.url).post('/sample/withdrawals').send({}).expect(401);
    expect(noToken.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Missing, invalid or expired access token',
      messageVi: 'Chưa đăng nhập hoặc phiên đăng nhập đã hết hạn.',
    });
    await request(service.url).post('/sample/withdrawals').set('Authorization', 'Bearer x.y.z').send({}).expect(401);

    const courier = await withdraw({}, { Authorization: service.authHeader({ role: 'courier', postalCode: '33100' }) }).expect(403);
    expect(courier.body).toMatchObject({ statusCode: 403, error: 'Forbidden', messageVi: expect.any(String) });

    const other = await request(service.url).get('/sample/postal-points/33200').set('Authorization', service.authHeader()).expect(403);
    expect(other.body).toMatchObject({ statusCode: 403, code: 'scope.postal-point', messageVi: expect.stringContaining('phạm vi') });
    await request(service.url).get('/sample/postal-points/33100').set('Authorization', service.authHeader()).expect(200, { postalCode: '33100' });
  });

  it('answers 400 listing every bad field in Vietnamese, and writes nothing', async () => {
    const res = await withdraw({ dossierId: 'not-a-uuid', reason: 'x'.repeat(201), agencyFees: -5, extra: 1 }).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'validation-failed' });
    const fields = (res.body.details as Array<{ field: string; messageVi: string }>).map((issue) => issue.field).sort();
    expect(fields).toEqual(['agencyFees', 'dossierId', 'extra', 'reason']);
    expect(res.body.messageVi).toContain('reason: lý do rút hồ sơ dài quá 200 ký tự');
    expect(res.body.messageVi).toContain('agencyFees: nhỏ hơn giá trị cho phép');
    expect(res.body.messageVi).toContain('extra: là trường không được phép gửi');

    const malformed = await request(service.url)
      .post('/sample/withdrawals')
      .set({ Authorization: service.authHeader(), 'Content-Type': 'application/json' })
      .send('{"dossierId":')
      .expect(400);
    expect(malformed.body).toMatchObject({ code: 'malformed-json', messageVi: expect.stringContaining('JSON') });
    const rows = await service.dataSource.query(`SELECT count(*)::int AS n FROM sample_withdrawal WHERE reason = $1`, ['x'.repeat(201)]);
    expect(rows[0].n).toBe(0);
  });

  it('answers 413 for a body over 1 MB', async () => {
    const res = await withdraw({ dossierId: randomUUID(), reason: 'x'.repeat(1024 * 1024 + 10), agencyFees: 0 }).expect(413);
    expect(res.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large', code: 'body-too-large', messageVi: expect.stringContaining('quá lớn') });
  });

  it('maps a rule violation to 422 and hides unknown errors behind a generic 500', async () => {
    const rule = await request(service.url).post('/sample/late-supplement').set('Authorization', service.authHeader()).expect(422);
    expect(rule.body).toEqual({
      statusCode: 422,
      error: 'Unprocessable Entity',
      message: 'Supplement requests are allowed within 3 working days',
      messageVi: 'Đã quá 3 ngày làm việc, không thể yêu cầu bổ sung hồ sơ.',
      code: 'sample.supplement-too-late',
      details: { limitWorkingDays: 3 },
    });
    const boom = await request(service.url).get('/sample/boom').set('Authorization', service.authHeader()).expect(500);
    expect(boom.body).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'Internal server error', messageVi: 'Hệ thống gặp lỗi, vui lòng thử lại sau.' });
    expect(JSON.stringify(boom.body)).not.toContain('hunter2');
    const unknownRoute = await request(service.url).get('/nowhere').set('Authorization', service.authHeader()).expect(404);
    expect(unknownRoute.body).toMatchObject({ statusCode: 404, messageVi: expect.any(String) });
  });

  it('keeps an idle keep-alive connection open longer than clients do, so a request sent on it is answered', async () => {
    const { hostname, port } = new URL(service.url);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<{ status: number; socket: unknown }>((resolve, reject) => {
        const call = http.get({ host: hostname, port, path: '/health', agent }, (response) => {
          response.resume();
          response.on('end', () => resolve({ status: response.statusCode ?? 0, socket: call.socket }));
        });
        call.on('error', reject);
      });
    try {
      const first = await get();
      // Longer than Node's default keep-alive timeout (5 s), after which the server used to close it.
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      const second = await get();
      expect([first.status, second.status]).toEqual([200, 200]);
      expect(second.socket).toBe(first.socket);
    } finally {
      agent.destroy();
    }
  });

  it('serves /health, /ready, /metrics and /docs-json without a token', async () => {
    await request(service.url).get('/health').expect(200, { status: 'ok' });
    await request(service.url).get('/ready').expect(200, { status: 'ready', database: 'up', kafka: 'up' });

    const metrics = await request(service.url).get('/metrics').expect(200);
    for (const name of [
      'process_cpu_seconds_total',
      'http_requests_total',
      'http_request_duration_seconds_bucket',
      'events_produced_total',
      'events_consumed_total',
      'event_handler_duration_seconds_bucket',
      'outbox_backlog_size',
      'outbox_oldest_age_seconds',
      'consumer_lag',
    ]) {
      expect(metrics.text).toContain(name);
    }
    expect(metrics.text).toMatch(/http_requests_total\{route="\/sample\/withdrawals",method="POST",status="201"[^}]*\} [1-9]/);
    expect(metrics.text).toMatch(new RegExp(`events_produced_total\\{type="${WITHDRAWN.replace(/\./g, '\\.')}"[^}]*\\} [1-9]`));

    const docs = await request(service.url).get('/docs-json').expect(200);
    expect(docs.body.openapi).toMatch(/^3\./);
    expect(docs.body.paths['/sample/withdrawals'].post.responses).toEqual(expect.objectContaining({ '201': expect.any(Object) }));
    expect(docs.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(docs.body.paths['/health']).toBeUndefined();
  });

  it('housekeeping deletes old published outbox rows, inbox records and idempotency keys, and nothing recent', async () => {
    await service.drainOutbox();
    const count = async (sql: string) => Number((await service.dataSource.query(sql))[0].n);
    const published = () => count(`SELECT count(*) AS n FROM outbox WHERE published_at IS NOT NULL`);
    const inbox = () => count(`SELECT count(*) AS n FROM inbox`);
    const keys = () => count(`SELECT count(*) AS n FROM idempotency_keys`);
    const before = { published: await published(), inbox: await inbox(), keys: await keys() };
    expect(before.published).toBeGreaterThan(0);
    expect(before.inbox).toBeGreaterThan(0);
    expect(before.keys).toBeGreaterThan(0);

    const lifecycle = service.app.get(MessagingLifecycle);
    expect(await lifecycle.runHousekeeping()).toEqual({ outbox: 0, inbox: 0, idempotencyKeys: 0 });
    // A year on, everything is past every retention (the inbox keeps the consumed topics' 90 days + 10).
    expect(await lifecycle.runHousekeeping(Date.now() + 365 * 86_400_000)).toEqual({ outbox: before.published, inbox: before.inbox, idempotencyKeys: before.keys });
    expect([await published(), await inbox(), await keys()]).toEqual([0, 0, 0]);
  });

  describe('hostile input (issue 10): a small 4xx, nothing written, the service still ready', () => {
    const MAX_ANSWER = 8_192; // 20 listed issues in two languages take about 5 KB
    const rowsBefore = async () => Number((await service.dataSource.query(`SELECT count(*)::int AS n FROM sample_withdrawal`))[0].n);
    let rows: number;
    beforeAll(async () => {
      rows = await rowsBefore();
    });
    afterEach(async () => {
      expect(await rowsBefore()).toBe(rows);
    });
    afterAll(async () => {
      await request(service.url).get('/ready').expect(200);
    });

    const postRaw = (text: string, contentType = 'application/json') =>
      request(service.url).post('/sample/withdrawals').set({ Authorization: service.authHeader(), 'Content-Type': contentType }).send(text);
    const list = (query: string) => request(service.url).get(`/sample/withdrawals?${query}`).set('Authorization', service.authHeader());
    const small = (res: { text: string }) => expect(res.text.length).toBeLessThan(MAX_ANSWER);

    it('refuses JSON nested 5,000 and 50,000 deep before parsing it', async () => {
      for (const text of ['{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000), '['.repeat(50_000) + ']'.repeat(50_000)]) {
        const res = await postRaw(text).expect(400);
        expect(res.body).toMatchObject({ statusCode: 400, code: 'json.too-deep', messageVi: expect.stringContaining('lồng nhau') });
        small(res);
      }
    });

    it('answers an array of 200,000 items, or 300 unknown fields, with a few KB', async () => {
      const huge = await postRaw(`[${new Array(200_000).fill('0').join(',')}]`).expect(400);
      expect(huge.body.code).toBe('json.too-many-items');
      small(huge);
      const notObject = await postRaw('[1,2,3]').expect(400);
      expect(notObject.body.code).toBe('body-not-object');

      const unknown = Object.fromEntries(Array.from({ length: 300 }, (_, index) => [`field${index}`, index]));
      const many = await withdraw({ dossierId: randomUUID(), reason: 'Rút', agencyFees: 0, ...unknown }).expect(400);
      expect(many.body).toMatchObject({ code: 'validation-failed', issueCount: 300 });
      expect(many.body.details).toHaveLength(20);
      expect(many.body.messageVi).toContain('và 280 lỗi khác');
      small(many);
    });

    it('refuses NUL and lone surrogates in JSON text, escaped or not, and blank text', async () => {
      const dossierId = randomUUID();
      for (const reason of ['a\u0000b', 'x\ud800y', 'x\udc00']) {
        const res = await withdraw({ dossierId, reason, agencyFees: 0 }).expect(400);
        expect(res.body.code).toMatch(/^json\.(nul|lone-surrogate)$/);
        small(res);
      }
      const escaped = await postRaw(`{"dossierId":"${dossierId}","reason":"x\\ud800y","agencyFees":0}`).expect(400);
      expect(escaped.body.code).toBe('json.lone-surrogate');
      const blank = await withdraw({ dossierId, reason: '   ', agencyFees: 0 }).expect(400);
      expect(blank.body.details).toEqual([expect.objectContaining({ field: 'reason', constraint: 'isNotBlank' })]);
    });

    it('refuses __proto__, constructor and prototype as member names, top level or nested', async () => {
      const valid = `"dossierId":"${randomUUID()}","reason":"Rút","agencyFees":0`;
      for (const text of [`{${valid},"__proto__":{"admin":true}}`, `{${valid},"constructor":{"name":"x"}}`, `{${valid},"x":{"prototype":1}}`]) {
        const res = await postRaw(text).expect(400);
        expect(res.body.code).toBe('json.forbidden-name');
      }
    });

    it('answers 415 for a body that is not JSON on a route that reads JSON', async () => {
      const body = JSON.stringify({ dossierId: randomUUID(), reason: 'Rút', agencyFees: 0 });
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
        const res = await postRaw(body, type).expect(415);
        expect(res.body).toMatchObject({ statusCode: 415, code: 'unsupported-media-type', messageVi: expect.stringContaining('application/json') });
      }
      const utf16 = await postRaw(body, 'application/json; charset=utf-16').expect(415);
      expect(utf16.body.code).toBe('json.charset');
    });

    it('refuses NUL, repeated and object-shaped query parameters, loose booleans and huge offsets', async () => {
      await list('reason=Rút&limit=5&offset=0&withFees=false').expect(200);
      const refused: Array<[string, string]> = [
        ['reason=a%00b', 'query.nul-character'],
        ['reason=a&reason=b', 'query.repeated-parameter'],
        ['limit[$ne]=x', 'query.parameter-name'],
        ['__proto__=x', 'query.parameter-name'],
        ['withFees=maybe', 'validation-failed'],
        ['offset=1e308', 'validation-failed'],
        ['offset=99999999999999999999', 'validation-failed'],
        ['offset=1000001', 'validation-failed'],
        ['limit=', 'validation-failed'],
      ];
      for (const [query, code] of refused) {
        const res = await list(query);
        expect({ query, status: res.status, code: res.body.code }).toEqual({ query, status: 400, code });
        small(res);
      }
      const path = await request(service.url).get('/sample/postal-points/33100%00').set('Authorization', service.authHeader()).expect(400);
      expect(path.body.code).toBe('path.nul-character');
    });
  });
});
