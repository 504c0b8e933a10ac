import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { BcciEvent } from '@bcci/contracts';
import { systemClock, toVietnamDate } from '@bcci/kernel';
import { KafkajsMessageBus } from '@bcci/messaging';
import { startTestService, type TestService, waitUntil } from '@bcci/service-kit/testing';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { AppModule } from '../src/app.module';
import { parsePeriod } from '../src/counting/domain/period';
import { currentQuarter } from '../src/counting/application/ratio-query-parser';
import { exampleEvent } from './support/journey-events';
import { launchHeadlessChromium, type HeadlessBrowser } from '@bcci/service-kit/testing';
import { EventProducer } from './support/produce';


let service: TestService;
let producer: EventProducer;
let browser: HeadlessBrowser;
let page: Page;

let serial = 0;

/** A BCCI dossier registered now at a postal point: registration, digitization, forwarding leg opened. */
function liveDossier(postalCode: string): BcciEvent[] {
  const dossierId = randomUUID();
  const now = systemClock.now().getTime();
  const at = (seconds: number) => new Date(now - 60_000 + seconds * 1000).toISOString();
  const day = toVietnamDate(new Date(now - 60_000));
  return [
    exampleEvent(
      'intake/dossier-registered.v1',
      dossierId,
      { provisionalDossierId: `BCCI-${postalCode}-${day.slice(2).replace(/-/g, '')}-${String(++serial).padStart(4, '0')}`, procedureCode: '2.000488', expectedAgencyId: '000.00.13.H39', intakeSite: { kind: 'POSTAL_POINT', postalCode, provinceCode: '15' }, intakeDay: day, registeredAt: at(0), postalDeadline: { legClass: 'INTER_DISTRICT', startDay: day, workingDays: 2, dueDate: day } },
      at(0),
    ),
    exampleEvent('digitization/dossier-digitized.v1', dossierId, { completedAt: at(5) }, at(5)),
    exampleEvent('forwarding/postal-leg-opened.v1', dossierId, { agencyId: '000.00.13.H39', procedureCode: '2.000488', openedAt: at(10), competenceDate: day, originPostalCode: postalCode }, at(10)),
  ];
}

/** A BCCI dossier of now, rejected at reception, whose refusal slip (not a result) is delivered by post. */
function liveRefusalSlipDelivered(postalCode: string): BcciEvent[] {
  const [registered, digitized, legOpened] = liveDossier(postalCode);
  const dossierId = registered.subject;
  const at = (seconds: number) => new Date(Date.now() - 40_000 + seconds * 1000).toISOString();
  const returnLeg = randomUUID();
  return [
    registered,
    digitized,
    legOpened,
    exampleEvent('forwarding/handover-record-signed.v1', dossierId, { agencyId: '000.00.13.H39', signedAt: at(1), postalSignedAt: at(1), agencySignedAt: at(1) }, at(1)),
    exampleEvent('agency-gateway/dossier-rejected.v1', dossierId, { agencyId: '000.00.13.H39', rejectedAt: at(2), stage: 'AT_RECEPTION', returnToApplicant: true }, at(2)),
    exampleEvent('returns/return-leg-opened.v1', dossierId, { legId: returnLeg, agencyId: '000.00.13.H39', returnedItem: 'REFUSAL_SLIP', openedAt: at(3) }, at(3)),
    exampleEvent('returns/result-delivered.v1', dossierId, { legId: returnLeg, deliveredAt: at(4), postalCode }, at(4)),
  ];
}

async function summary(): Promise<{
  ratios: { ratios: { code: string; numerator: number; denominator: number | null; percent: number | null; pass: boolean | null }[]; indicators: { code: string; value: number | null }[] };
  backlog: Record<string, number>;
  postalPoints: { postalCode: string; received: number; delivered: number; backlog: number }[];
  deadLetters: { available: boolean; total: number; topics: { topic: string; originalTopic: string; count: number }[] };
  trackingLag: { brokerAvailable: boolean; messagesBehind: number; recentSeconds: { entries: number; p50: number | null; p99: number | null; max: number | null } };
}> {
  return (await request(service.url).get('/operations/summary').set('Authorization', service.authHeader({ role: 'operations', provinceCode: '15' })).expect(200)).body;
}

async function recorded(ids: string[]): Promise<void> {
  await waitUntil(`tracking to record ${ids.length} events`, async () => {
    const [{ count }] = await service.dataSource.query(`SELECT count(*)::int AS count FROM timeline_entries WHERE event_id = ANY($1::uuid[])`, [ids]);
    return count === ids.length;
  });
}

const text = (testId: string) => page.locator(`[data-testid="${testId}"]`).textContent();
/** Formats like the page does, in the browser's own vi-VN locale. */
const viNumber = (value: number | null, digits = 0) =>
  page.evaluate(([n, d]) => (n === null ? '—' : Number(n).toLocaleString('vi-VN', { maximumFractionDigits: d as number })), [value, digits] as const);

/** Every figure on screen equals the API's: ratios, backlog per stage, the postal point table. */
async function expectScreenEqualsApi(): Promise<void> {
  const api = await summary();
  for (const ratio of api.ratios.ratios) {
    expect(await text(`ratio-${ratio.code}-numerator`)).toBe(await viNumber(ratio.numerator));
    expect(await text(`ratio-${ratio.code}-denominator`)).toBe(await viNumber(ratio.denominator));
    expect(await text(`ratio-${ratio.code}-percent`)).toBe(ratio.percent === null ? 'chưa tính được' : `${await viNumber(ratio.percent, 2)}%`);
    expect(await text(`ratio-${ratio.code}-pass`)).toBe(ratio.pass === null ? 'Chưa tính được' : ratio.pass ? 'Đạt' : 'Chưa đạt');
  }
  const slips = api.ratios.indicators.find((indicator) => indicator.code === 'REFUSAL_SLIPS_DELIVERED');
  expect(await text('refusal-slips-delivered')).toBe(await viNumber(slips?.value ?? null));
  for (const [stage, open] of Object.entries(api.backlog)) expect(await text(`backlog-${stage}`)).toBe(String(open));
  for (const point of api.postalPoints) {
    expect(await text(`point-${point.postalCode}-received`)).toBe(await viNumber(point.received));
    expect(await text(`point-${point.postalCode}-backlog`)).toBe(await viNumber(point.backlog));
  }
}

/**
 * The page polls on its own schedule, so it may show a moment between two of a dossier's events: retry
 * the comparison until the screen has caught up, and fail with the last difference after 10 s.
 */
async function expectScreenCatchesUpWithApi(): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await expectScreenEqualsApi();
      return;
    } catch (difference) {
      if (Date.now() > deadline) throw difference;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

beforeAll(async () => {
  service = await startTestService(AppModule, { serviceName: 'tracking' });
  producer = new EventProducer(service.brokers);
  const quarter = parsePeriod(currentQuarter());
  await request(service.url)
    .post('/denominators/imports')
    .set('Authorization', service.authHeader({ role: 'operations', provinceCode: '15' }))
    .send({ periodStart: quarter.start, periodEnd: quarter.end, rows: [{ agencyId: '000.00.13.H39', procedureCode: '2.000488', received: 30, resolved: 20 }, { agencyId: '000.00.12.H39', procedureCode: '1.003822', received: 9, resolved: 8 }] })
    .expect(201);
  const first = [...liveDossier('33100'), ...liveDossier('33700')];
  await producer.send(first);
  await recorded(first.map((event) => event.id));
  browser = await launchHeadlessChromium();
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await producer?.stop();
  await service?.stop();
});

describe('operations dashboard in headless Chromium', () => {
  it('asks for the operations token, then shows the same figures as the API', async () => {
    await page.goto(`${service.url}/operations?refreshMs=500`);
    await page.locator('#token-input').waitFor();
    expect(await page.locator('#dashboard').isHidden()).toBe(true);
    await page.fill('#token-input', service.tokenFor({ role: 'operations', provinceCode: '15' }));
    await page.click('#login-form button[type=submit]');
    await page.locator('[data-testid="ratio-R2-numerator"]').waitFor();
    await page.locator('[data-testid="point-33700-received"]').waitFor();
    await expectScreenEqualsApi();
    expect(await text('ratio-R2-numerator')).toBe('2');
    expect(await text('backlog-forwarding')).toBe('2');
    expect(Number(await page.locator('#throughput-total').textContent())).toBe(6);
    expect(await page.locator('#ratios-chart svg rect[data-ratio]').count()).toBe(4);
    await page.screenshot({ path: path.join(os.tmpdir(), 'bcci-operations-dashboard.png'), fullPage: true });
  });

  it('updates by itself after new events', async () => {
    const before = await text('point-33100-received');
    const more = liveDossier('33100');
    await producer.send(more);
    await recorded(more.map((event) => event.id));
    // The page polls on its own: wait (bounded by Jest's timeout) until the point's figure changes.
    await page.locator('[data-testid="point-33100-received"]').filter({ hasNotText: new RegExp(`^${before}$`) }).waitFor();
    expect(await text('point-33100-received')).toBe(String(Number(before) + 1));
    await expectScreenCatchesUpWithApi();
    expect(await text('ratio-R2-numerator')).toBe('3');
  });

  it('says how far behind the events its figures are: messages not yet recorded, and the lag of what it recorded in the last minute', async () => {
    // These dossiers' events are dated about a minute before they are sent: recorded now, they were late by that much.
    let lag = (await summary()).trackingLag;
    expect(lag.brokerAvailable).toBe(true);
    expect(lag.recentSeconds.entries).toBeGreaterThanOrEqual(6);
    expect(lag.recentSeconds.max).toBeGreaterThanOrEqual(20);
    expect(lag.recentSeconds.max).toBeLessThan(600);
    expect(lag.recentSeconds.p50).toBeLessThanOrEqual(lag.recentSeconds.p99!);
    // Every event sent so far is recorded: once the consumer committed its offsets, nothing is behind.
    const deadline = Date.now() + 30_000;
    while (lag.messagesBehind > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      lag = (await summary()).trackingLag;
    }
    expect(lag.messagesBehind).toBe(0);
    await page.locator('[data-testid="tracking-lag"]').filter({ hasText: /^0 sự kiện chưa ghi, p99 \d+(\.\d)? giây$/ }).waitFor({ timeout: 10_000 });
  });

  it('shows refusal slips delivered beside the ratios, never in R3', async () => {
    const r3 = await text('ratio-R3-numerator');
    const slip = liveRefusalSlipDelivered('33700');
    await producer.send(slip);
    await recorded(slip.map((event) => event.id));
    await page.locator('[data-testid="refusal-slips-delivered"]').filter({ hasText: /^1$/ }).waitFor();
    expect(await text('ratio-R3-numerator')).toBe(r3);
    await expectScreenCatchesUpWithApi();
  });

  it('counts a poison event on the dead-letter board, with its topic', async () => {
    const poisoned = 'bcci.intake.dossier-events.v1';
    const raw = await new KafkajsMessageBus({ clientId: 'dashboard-test-poison', brokers: service.brokers, logLevel: 'NOTHING' }).createProducer();
    await raw.send([{ topic: poisoned, key: randomUUID(), value: Buffer.from('{"not":"an event"'), headers: {} }]);
    await raw.disconnect();
    // The consumer dead-letters it after its retries, and the board asks the broker at most every 10 s.
    await page.locator('[data-testid="dead-letters-total"]').filter({ hasText: /^1$/ }).waitFor({ timeout: 60_000 });
    expect(await text(`dead-letters-${poisoned}.dlq`)).toBe('1');
    expect((await summary()).deadLetters).toMatchObject({ available: true, total: 1, topics: [{ topic: `${poisoned}.dlq`, originalTopic: poisoned, count: 1 }] });
  });

  it('sends no data without a token: the JSON endpoints need an operations or auditor role', async () => {
    await request(service.url).get('/operations/summary').expect(401);
    await request(service.url).get('/operations/summary').set('Authorization', service.authHeader({ role: 'clerk', postalCode: '33100' })).expect(403);
    const shell = await request(service.url).get('/operations').expect(200);
    expect(shell.headers['content-type']).toContain('text/html');
    expect(shell.text).not.toContain('33100');
  });
});
