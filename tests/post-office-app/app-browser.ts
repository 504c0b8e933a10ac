import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchHeadlessChromium, type HeadlessBrowser } from '@bcci/service-kit/testing';
import type { Page } from 'playwright-core';
import type { E2eStack } from '../support/e2e-stack';
import { expectCall } from '../support/journey-http';

/** The stack the app's browser tests drive: every service the app reaches, and the app (no agency simulator: the tests play the agency). */
export const APP_STACK_SERVICES = ['intake', 'digitization', 'forwarding', 'agency-gateway', 'returns', 'tracking', 'post-office-app'];

/** The sample roster's accounts (services/post-office-app/src/session/sample-staff-roster.json). */
export const STAFF = {
  clerk: 'giaodich.33100',
  operator: 'sohoa.33100',
  courier: 'buuta.33100',
} as const;
export const SAMPLE_PASSWORD = 'bcci-demo';

/** How long a screen may take to show what the services answered (a few round trips through the stack). */
export const SCREEN_MS = 30_000;

/** Debian's Chromium at a counter screen's size (1366×768), one tab per person. */
export async function openBrowser(): Promise<HeadlessBrowser> {
  const browser = await launchHeadlessChromium({ width: 1366, height: 768 });
  browser.context.setDefaultTimeout(SCREEN_MS);
  return browser;
}

/** Signs in on the app's sign-in form and waits for the first screen of the role. */
export async function signIn(page: Page, appUrl: string, username: string): Promise<void> {
  await page.goto(appUrl);
  // A test that failed half-way leaves its person signed in (the tab's session): sign them out first.
  const signOutButton = page.getByRole('button', { name: 'Đăng xuất' });
  await Promise.race([page.getByLabel('Tên đăng nhập').waitFor(), signOutButton.waitFor()]);
  if (await signOutButton.isVisible()) await signOut(page);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(SAMPLE_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.getByLabel('Tên đăng nhập').waitFor();
}

export async function openScreen(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: title }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

/** With BCCI_SCREENSHOTS_DIR set, saves the page for the app's README (docs/screenshots/<name>.png). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.BCCI_SCREENSHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** The clerk fills the counter form for procedure 2.000488 (form 3, home delivery) and presses "Đăng ký hồ sơ" once. */
export async function registerAtCounter(page: Page, applicant: { name: string; phone: string; cccd: string }): Promise<void> {
  await page.getByLabel('Tìm thủ tục (tên hoặc mã)').fill('2.000488');
  await page.getByRole('button', { name: /2\.000488/ }).click();
  await page.getByLabel('Họ và tên người nộp').fill(applicant.name);
  await page.getByLabel('Số điện thoại người nộp').fill(applicant.phone);
  await page.getByLabel('Số CCCD/định danh cá nhân').fill(applicant.cccd);
  await page.getByLabel('Địa chỉ người nộp').fill('Thôn 3, xã Văn Phú, tỉnh Lào Cai');
  await page.getByLabel('Số niêm phong').fill(`NP-${applicant.phone.slice(-6)}`);
  await page.getByRole('checkbox', { name: /^TP1\./ }).check();
  await page.getByRole('checkbox', { name: /^TP2\./ }).check();
  await page.getByRole('button', { name: 'Đăng ký hồ sơ', exact: true }).click();
}

/** The point's dossiers of an applicant's phone, as intake holds them. */
export async function dossiersOfPhone(stack: E2eStack, phone: string): Promise<Array<{ id: string; provisionalDossierId: string; postalItemId: string | null; components: Array<{ count: number }> }>> {
  const found = await expectCall(200, stack, 'intake', 'GET', `/dossiers?phone=${phone}`, { token: stack.tokens.clerk });
  return found.items;
}

/**
 * The visible form controls of the page that a screen reader cannot name (no <label>, aria-label or
 * aria-labelledby; a button without text): each screen must have none.
 */
export async function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(`[...document.querySelectorAll('input, select, textarea, button')]
    .filter((control) => control.offsetParent !== null && control.type !== 'hidden')
    .filter((control) => !(control.labels && control.labels.length > 0) && !control.getAttribute('aria-label') && !control.getAttribute('aria-labelledby'))
    .filter((control) => !(control.tagName === 'BUTTON' && control.textContent.trim() !== ''))
    .map((control) => control.outerHTML.slice(0, 160))`);
}
