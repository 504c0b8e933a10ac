import { startTestService, type TestService, waitUntil } from '@bcci/service-kit/testing';
import type { Page } from 'playwright-core';
import { AppModule } from '../src/app.module';
import { launchHeadlessChromium, type HeadlessBrowser } from '@bcci/service-kit/testing';
import { journey, type Journey } from './support/journey-events';
import { EventProducer } from './support/produce';

let service: TestService;
let producer: EventProducer;
let browser: HeadlessBrowser;
let page: Page;
let trip: Journey;

beforeAll(async () => {
  service = await startTestService(AppModule, { serviceName: 'tracking' });
  producer = new EventProducer(service.brokers);
  trip = journey({ pin: '246801' });
  await producer.send(trip.events.slice(0, 5));
  await waitUntil('tracking to record the first 5 events of the trip', async () => {
    const [{ count }] = await service.dataSource.query(`SELECT count(*)::int AS count FROM timeline_entries WHERE dossier_id = $1`, [trip.dossierId]);
    return count === 5;
  });
  browser = await launchHeadlessChromium({ width: 480, height: 900 });
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await producer?.stop();
  await service?.stop();
});

describe('the citizen lookup page behind the slip QR code', () => {
  it('takes the reference from the link, asks for the PIN and shows the steps without personal data', async () => {
    await page.goto(`${service.url}/lookup/${encodeURIComponent(trip.provisionalDossierId)}`);
    expect(await page.inputValue('#reference')).toBe(trip.provisionalDossierId);
    await page.fill('#pin', '246801');
    await page.click('button[type=submit]');
    await page.waitForSelector('#result:not([hidden])');
    expect(await page.textContent('#status')).toContain('Đã tiếp nhận');
    const steps = await page.locator('#steps li').allTextContents();
    expect(steps).toHaveLength(5);
    expect(steps[0]).toContain('Bưu điện đã tiếp nhận hồ sơ');
    const shown = await page.textContent('main');
    expect(shown).not.toContain(trip.dossierId);
  });

  it('says the same thing for a wrong PIN as for an unknown reference', async () => {
    await page.goto(`${service.url}/lookup/${encodeURIComponent(trip.provisionalDossierId)}`);
    await page.fill('#pin', '000000');
    await page.click('button[type=submit]');
    await page.waitForSelector('#message.error');
    const wrongPin = await page.textContent('#message');
    await page.fill('#reference', 'BCCI-33100-250312-9999');
    await page.fill('#pin', '246801');
    // Submitting clears the message's error class at once; the answer sets it again.
    const answered = page.waitForResponse((response) => response.url().includes('/public/lookup'));
    await page.click('button[type=submit]');
    await answered;
    await page.waitForSelector('#message.error');
    expect(await page.textContent('#message')).toBe(wrongPin);
    expect(await page.isHidden('#result')).toBe(true);
  });
});
