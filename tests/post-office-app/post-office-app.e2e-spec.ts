import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { HeadlessBrowser } from '@bcci/service-kit/testing';
import type { Page } from 'playwright-core';
import { startStack, type E2eStack } from '../support/e2e-stack';
import { REPOSITORY_ROOT } from '../support/launcher';
import { pollUntil } from '../support/journey-poll';
import { APP_STACK_SERVICES, dossiersOfPhone, openBrowser, openScreen, registerAtCounter, screenshot, signIn, signOut, STAFF, unlabelledControls } from './app-browser';

// The post office's web app in Debian's Chromium against the real stack (the launcher of npm start): the
// screens of each role, then a dossier's whole journey through them, then the same work without a network.
// The agency simulator stays out: the test plays the agency itself, at the moment the journey needs it.
const DOCUMENTED_SERVICES = ['intake', 'digitization', 'forwarding', 'agency-gateway', 'returns', 'tracking'];

describe('the post office web app', () => {
  let stack: E2eStack;
  let browser: HeadlessBrowser;
  let page: Page;
  let appUrl: string;

  beforeAll(async () => {
    stack = await startStack({ services: APP_STACK_SERVICES });
    appUrl = `${stack.urls['post-office-app']}/`;
    browser = await openBrowser();
    page = browser.page;
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it("is typed against the services' current APIs: each service's OpenAPI document is the committed one", async () => {
    for (const service of DOCUMENTED_SERVICES) {
      const running = await (await fetch(`${stack.urls[service]}/docs-json`)).json();
      const committed = JSON.parse(readFileSync(path.join(REPOSITORY_ROOT, 'contracts', 'openapi', `${service}.openapi.json`), 'utf8'));
      // A difference means the web app's generated client is stale: run `npm run api:client` with the stack running.
      expect({ service, document: running }).toEqual({ service, document: committed });
    }
  });

  it('signs staff in with their own account and shows each role its own screens only', async () => {
    await page.goto(appUrl);
    await screenshot(page, '01-dang-nhap');
    await page.getByLabel('Tên đăng nhập').fill(STAFF.clerk);
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('alert').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng.' }).waitFor();

    const screensOf = async (username: string) => {
      await signIn(page, appUrl, username);
      const titles = await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('link').allTextContents();
      await signOut(page);
      return titles;
    };
    expect(await screensOf(STAFF.clerk)).toEqual(['Tiếp nhận hồ sơ', 'Việc chờ tại quầy', 'Tra cứu hồ sơ', 'Quét bưu gửi', 'Phát trả kết quả', 'Hộp thư đi']);
    expect(await screensOf(STAFF.operator)).toEqual(['Số hoá hồ sơ', 'Hộp thư đi']);
    expect(await screensOf(STAFF.courier)).toEqual(['Quét bưu gửi', 'Phát trả kết quả', 'Hộp thư đi']);

    // A screen of another role is not reachable by its address either.
    await signIn(page, appUrl, STAFF.courier);
    await page.goto(`${appUrl}tiep-nhan`);
    await page.getByRole('heading', { level: 1, name: 'Quét bưu gửi' }).waitFor();
    await openScreen(page, 'Hộp thư đi');
    await signOut(page);
  });

  it('registers a dossier at the counter and shows its sending slip; an answer lost on the way makes no second dossier', async () => {
    await signIn(page, appUrl, STAFF.clerk);
    await screenshot(page, '02-tiep-nhan');
    // Every control of the counter form has a name a screen reader reads (the form as the clerk fills it).
    await page.getByLabel('Tìm thủ tục (tên hoặc mã)').fill('2.000488');
    await page.getByRole('button', { name: /2\.000488/ }).click();
    expect(await unlabelledControls(page)).toEqual([]);
    // The first registration's answer is lost after intake applied it: the outbox sends it again with its key.
    let lostAnswers = 0;
    await page.route('**/api/intake/dossiers', async (route) => {
      if (route.request().method() !== 'POST' || lostAnswers > 0) return route.fallback();
      lostAnswers++;
      await route.fetch();
      await route.abort('connectionreset');
    });
    const slip = page.waitForResponse((response) => /\/api\/intake\/dossiers\/[^/]+\/sending-slip$/.test(response.url()) && response.status() === 200);
    await registerAtCounter(page, { name: 'Trần Văn Bình', phone: '0981000001', cccd: '015088000001' });
    const confirmed = page.getByTestId('provisional-dossier-id');
    await confirmed.waitFor({ timeout: 60_000 }); // the retry waits 2 s, then the slip is rendered
    expect((await slip).headers()['content-type']).toContain('application/pdf');
    await screenshot(page, '03-da-dang-ky');
    expect(lostAnswers).toBe(1);
    const dossiers = await dossiersOfPhone(stack, '0981000001');
    expect(dossiers.map((dossier) => dossier.provisionalDossierId)).toEqual([await confirmed.textContent()]);
    await page.unroute('**/api/intake/dossiers');
    await signOut(page);
  });

  it('keeps two registrations made without a network in the outbox, and registers each exactly once when it returns', async () => {
    await signIn(page, appUrl, STAFF.clerk);
    // The counter loaded its procedures while the line was up; then the line goes down.
    await page.getByRole('button', { name: /2\.000488/ }).waitFor();
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)'); // the app shell is kept
    await browser.context.setOffline(true);
    // The counter reloads the app with the line down: the app comes from the kept shell, still signed in,
    // and the procedure list is the one remembered from the last load.
    await page.reload();
    await page.getByText(/^Mất kết nối: đang dùng danh mục thủ tục đã tải ngày/).waitFor();
    await registerAtCounter(page, { name: 'Lê Thị Hoa', phone: '0981000002', cccd: '015188000002' });
    await page.getByRole('heading', { name: 'Biên nhận tạm — CHƯA XÁC NHẬN' }).waitFor();
    await screenshot(page, '04-bien-nhan-tam');
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ mới' }).click();
    await registerAtCounter(page, { name: 'Phạm Văn Nam', phone: '0981000003', cccd: '015088000003' });
    await page.getByRole('heading', { name: 'Biên nhận tạm — CHƯA XÁC NHẬN' }).waitFor();
    await openScreen(page, 'Hộp thư đi');
    const waiting = page.getByTestId('outbox-table').locator('tr[data-state=waiting]');
    await pollUntil('two registrations waiting in the outbox', async () => ((await waiting.count()) === 2 ? true : undefined), { timeoutMs: 10_000 });
    await screenshot(page, '05-hop-thu-di');
    expect(await dossiersOfPhone(stack, '0981000002')).toEqual([]);

    await browser.context.setOffline(false);
    // Sent when the browser says it is online again (the outbox also retries every few seconds).
    await pollUntil('the outbox to have sent both registrations', async () => ((await page.locator('tr[data-state=waiting], tr[data-state=sending]').count()) === 0 ? true : undefined), { timeoutMs: 60_000 });
    expect(await page.locator('tr[data-state=failed]').count()).toBe(0);
    for (const phone of ['0981000002', '0981000003']) expect(await dossiersOfPhone(stack, phone)).toHaveLength(1);
    await signOut(page);
  });
});
