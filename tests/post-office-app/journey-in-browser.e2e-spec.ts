import { EventType } from '@bcci/contracts';
import { samplePdf, type HeadlessBrowser } from '@bcci/service-kit/testing';
import type { Page } from 'playwright-core';
import { startStack, type E2eStack } from '../support/e2e-stack';
import { JourneyEvents } from '../support/journey-events';
import { call, expectCall } from '../support/journey-http';
import { lookupPinOnSlip } from '../support/journey-pdf-text';
import { pollUntil } from '../support/journey-poll';
import { agencyDecision, agencyView, carryToAgency, digitize, legOf, PAPER_RESULT, pickUpResult, registerDossier, returnOf, sendingSlip, signHandoverRecord, type RegisteredDossier } from '../support/journey-steps';
import { APP_STACK_SERVICES, dossiersOfPhone, openBrowser, openScreen, registerAtCounter, screenshot, signIn, signOut, STAFF, unlabelledControls } from './app-browser';

// A dossier's whole journey through the post office's screens, in Debian's Chromium against the real
// stack: the clerk registers it, the operator digitizes it, the courier scans it to the agency's desk and
// records the handover record, the agency (played by the test through its gateway) issues the result, the
// postman records a failed attempt and then the delivery, and the citizen's lookup shows every step. Then a
// delivery made without a network waits in the outbox and is recorded exactly once when the line returns.
const APPLICANT = { name: 'Hoàng Thị Mai', phone: '0981000101', cccd: '015188000101' };

describe('a dossier through the post office web app, end to end', () => {
  let stack: E2eStack;
  let events: JourneyEvents;
  let browser: HeadlessBrowser;
  let page: Page;
  let appUrl: string;

  beforeAll(async () => {
    stack = await startStack({ services: APP_STACK_SERVICES });
    events = await JourneyEvents.open(stack);
    appUrl = `${stack.urls['post-office-app']}/`;
    browser = await openBrowser();
    page = browser.page;
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** A dossier registered, digitized, carried and received by the agency over the APIs (the paper handover record signed). */
  async function receivedByAgency(n: number): Promise<RegisteredDossier> {
    const dossier = await registerDossier(stack, { form: 3, procedureCode: '2.000488', n });
    await digitize(stack, dossier.id);
    await carryToAgency(stack, dossier.id);
    await signHandoverRecord(stack, [dossier], { agencySignerName: 'Phạm Thị Lan' });
    await agencyView(stack, dossier.id, stack.tokens.agency, 'RECEIVED');
    return dossier;
  }

  /** The scan kinds as the courier's screen names them. */
  const SCAN_KIND_LABEL = { DISPATCHED: 'Chuyển đi (rời bưu cục)', ARRIVED: 'Đến nơi (bưu cục phục vụ cơ quan)', HANDED_OVER: 'Đã giao cho cơ quan' } as const;

  /** The courier's scan run: the S10 typed as a scanner gun types it, the kind and place chosen, then recorded. */
  async function scanRun(s10ItemId: string, kind: keyof typeof SCAN_KIND_LABEL, postalCode: string): Promise<void> {
    await page.getByLabel('Số hiệu bưu gửi (S10)').fill(s10ItemId);
    await page.getByLabel('Số hiệu bưu gửi (S10)').press('Enter');
    await page.getByLabel('Loại quét').selectOption(kind);
    await page.getByLabel('Mã bưu chính nơi quét').fill(postalCode);
    await page.getByRole('button', { name: 'Ghi nhận tất cả' }).click();
    // This run's outcome (the previous run's table is replaced once this one is answered).
    const outcome = page.locator('div[aria-live=polite]').filter({ has: page.getByRole('heading', { name: `Kết quả lượt quét "${SCAN_KIND_LABEL[kind]}" (1 bưu gửi)` }) });
    await outcome.locator('tr[data-outcome=accepted]').filter({ hasText: s10ItemId }).waitFor();
  }

  it('registers, digitizes, carries, returns and delivers a dossier through the screens, and the citizen sees every step', async () => {
    // 1. The clerk registers the dossier and gets its slip.
    await signIn(page, appUrl, STAFF.clerk);
    await registerAtCounter(page, APPLICANT);
    const provisionalDossierId = (await page.getByTestId('provisional-dossier-id').textContent())!;
    const [dossier] = await dossiersOfPhone(stack, APPLICANT.phone);
    expect(dossier!.provisionalDossierId).toBe(provisionalDossierId);
    await signOut(page);

    // 2. The operator finds it in the digitization queue (pushed live), scans each component, certifies, completes.
    await signIn(page, appUrl, STAFF.operator);
    const queueRow = page.getByTestId('digitization-queue').locator('tr').filter({ hasText: provisionalDossierId });
    await queueRow.waitFor();
    await queueRow.getByRole('button', { name: `Chọn hồ sơ ${provisionalDossierId}` }).click();
    const components = (await call(stack, 'digitization', 'GET', `/dossiers/${dossier!.id}/digitization`, { token: stack.tokens['digitization-operator'] })).body.components as Array<{
      componentCode: string;
      title: string;
      required: boolean;
      certificationRequired: boolean;
    }>;
    for (const component of components.filter((c) => c.required)) {
      const panel = page.locator(`section[data-component="${component.componentCode}"]`);
      await panel.getByLabel(`Tệp quét — ${component.title}`).setInputFiles({ name: `${component.componentCode}.pdf`, mimeType: 'application/pdf', buffer: samplePdf(`${provisionalDossierId} ${component.componentCode}`) });
      await panel.getByText('Đã lưu bản quét.').waitFor();
      if (component.certificationRequired) {
        await panel.getByRole('button', { name: 'Chứng thực', exact: true }).click();
        // The form gives way to the certification itself, as the service recorded it.
        await panel.getByText(/^Chứng thực: /).waitFor();
      }
    }
    await screenshot(page, '06-so-hoa');
    expect(await unlabelledControls(page)).toEqual([]);
    // By keyboard, as an operator without a mouse would.
    await page.getByRole('button', { name: 'Hoàn tất số hoá' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(/^Hồ sơ đã số hoá đầy đủ lúc .* và đã khoá\.$/).waitFor();
    const digitized = await expectCall(200, stack, 'digitization', 'GET', `/dossiers/${dossier!.id}/digitization`, { token: stack.tokens['digitization-operator'] });
    expect(digitized.status).toBe('DIGITIZED');
    await signOut(page);

    // 3. The courier scans the item out, into the agency's town and over its desk, then records the handover record.
    const leg = await legOf(stack, dossier!.id);
    const s10ItemId = dossier!.postalItemId!;
    const destination = leg.destinationPostalCode ?? '33000';
    await signIn(page, appUrl, STAFF.courier);
    const legRow = page.locator('section[aria-labelledby=legs-title] tr').filter({ hasText: s10ItemId });
    await legRow.waitFor();
    // The screen shows forwarding's leg: the dossier and the agency it goes to.
    expect(await legRow.textContent()).toContain(provisionalDossierId);
    expect(await legRow.textContent()).toContain(leg.agencyId);
    await scanRun(s10ItemId, 'DISPATCHED', '33100');
    await scanRun(s10ItemId, 'ARRIVED', destination);
    await scanRun(s10ItemId, 'HANDED_OVER', destination);
    await screenshot(page, '07-quet-buu-gui');
    expect(await unlabelledControls(page)).toEqual([]);
    const documentsCounted = dossier!.components.reduce((sum, component) => sum + component.count, 0);
    await page.getByLabel(`Số giấy tờ kiểm đếm — ${s10ItemId}`).fill(String(documentsCounted));
    await page.getByLabel('Cán bộ cơ quan ký trên biên bản giấy (họ tên)').fill('Phạm Thị Lan');
    await page.getByRole('button', { name: 'Lập biên bản giao nhận' }).click();
    await page.getByRole('heading', { name: /^Biên bản giao nhận hồ sơ số / }).waitFor();
    await screenshot(page, '08-bien-ban-giao-nhan');
    expect(await unlabelledControls(page)).toEqual([]);
    await events.waitFor(dossier!.id, EventType.HandoverRecordSigned);

    // 4. The agency receives it and issues its result (the test plays the agency's system).
    await agencyView(stack, dossier!.id, stack.tokens.agency, 'RECEIVED');
    await agencyDecision(stack, dossier!.id, stack.tokens.agency, 'result', PAPER_RESULT);
    const returnLeg = await returnOf(stack, dossier!.id, stack.tokens.courier);

    // 5. The postman picks the result up, fails once (nobody home), then delivers with the ID checked.
    await openScreen(page, 'Phát trả kết quả');
    await page.getByRole('button', { name: returnLeg.s10ItemId as string, exact: true }).click();
    await page.getByRole('button', { name: 'Đã nhận kết quả tại cơ quan' }).click();
    await page.getByText('Đã ghi nhận nhận kết quả tại cơ quan.').first().waitFor();
    await page.getByLabel('Lý do').selectOption('ADDRESSEE_ABSENT');
    await page.getByRole('button', { name: 'Ghi nhận phát không thành công' }).click();
    await page.getByText(/^Đã ghi nhận lần phát không thành công/).first().waitFor();
    await events.waitFor(dossier!.id, EventType.DeliveryAttempted);
    await page.getByLabel('Người nhận', { exact: true }).fill(APPLICANT.name);
    await page.getByLabel('Số giấy tờ tuỳ thân').fill(APPLICANT.cccd);
    await page.getByRole('checkbox', { name: /^Đã đối chiếu/ }).check();
    await screenshot(page, '09-phat-tra');
    expect(await unlabelledControls(page)).toEqual([]);
    await page.getByRole('button', { name: 'Xác nhận đã phát' }).click();
    await page.getByText(`Đã phát kết quả ${returnLeg.s10ItemId} cho ${APPLICANT.name}.`).first().waitFor();
    const delivered = await events.waitFor(dossier!.id, EventType.ResultDelivered);
    expect(delivered.data).toMatchObject({ recipientKind: 'APPLICANT', identityCheck: { documentType: 'CCCD', verified: true }, actor: { ref: `staff:${STAFF.courier}` } });
    expect(JSON.stringify(delivered.data)).not.toContain(APPLICANT.cccd); // the ID number was checked, not sent
    await signOut(page);

    // 6. The citizen looks the dossier up with the PIN of the slip: every step is there, as tracking tells it.
    const pin = lookupPinOnSlip(await sendingSlip(stack, dossier!.id));
    const lookup = await pollUntil('tracking to show the delivery to the citizen', async () => {
      const answer = await call(stack, 'tracking', 'GET', `/public/lookup?reference=${encodeURIComponent(provisionalDossierId)}&pin=${pin}`);
      return answer.status === 200 && (answer.body.steps as Array<{ stepVi: string }>).some((step) => step.stepVi === 'Đã trả kết quả') ? answer.body : undefined;
    });
    const stepNames = (lookup.steps as Array<{ stepVi: string }>).map((step) => step.stepVi);
    for (const expected of [
      'Bưu điện đã tiếp nhận hồ sơ',
      'Đã số hoá xong hồ sơ',
      'Hồ sơ đang được vận chuyển',
      'Đã bàn giao hồ sơ cho cơ quan giải quyết (ký biên bản giao nhận)',
      'Cơ quan đã có kết quả giải quyết',
      'Bưu điện đã nhận kết quả tại cơ quan',
      'Phát kết quả không thành công, sẽ phát lại',
      'Đã trả kết quả',
    ])
      expect(stepNames).toContain(expected);
    await page.goto(`${stack.urls.tracking}/lookup/${encodeURIComponent(provisionalDossierId)}`);
    await page.fill('#pin', pin);
    await page.click('button[type=submit]');
    await page.waitForSelector('#result:not([hidden])');
    const shownSteps = await page.locator('#steps li').allTextContents();
    expect(shownSteps).toHaveLength((lookup.steps as unknown[]).length);
    stepNames.forEach((name, index) => expect(shownSteps[index]).toContain(name));
    await screenshot(page, '10-tra-cuu-cong-dan');
  });

  it("updates the operator's queue the moment a counter registers a dossier, pushed by the server (no reload, no polling)", async () => {
    await signIn(page, appUrl, STAFF.operator);
    await page.getByTestId('digitization-queue').or(page.getByText('Không còn hồ sơ nào chờ số hoá.')).first().waitFor();
    const queueReads: string[] = [];
    page.on('request', (request) => void (request.url().includes('/api/digitization/queue') && queueReads.push(request.url())));
    const dossier = await registerDossier(stack, { form: 3, procedureCode: '2.000488', n: 930 });
    await page.getByTestId('digitization-queue').locator('tr').filter({ hasText: dossier.provisionalDossierId }).waitFor();
    // The screen read its queue again because the server said it changed: once or twice, not on a timer.
    expect(queueReads.length).toBeGreaterThanOrEqual(1);
    expect(queueReads.length).toBeLessThanOrEqual(3);
    await signOut(page);
  });

  it("lists a dossier whose agency asks for a supplement in the clerk's counter queue, and the clerk records the supplement from there", async () => {
    const dossier = await receivedByAgency(940);

    await signIn(page, appUrl, STAFF.clerk);
    await openScreen(page, 'Việc chờ tại quầy');
    const supplementRow = page.getByTestId('counter-supplements').locator('tr').filter({ hasText: dossier.provisionalDossierId });
    await agencyDecision(stack, dossier.id, stack.tokens.agency, 'supplement-requests', {
      requestedComponents: [{ componentCode: 'TP1', note: 'Tờ khai thiếu chữ ký.' }],
      reason: 'Tờ khai chưa có chữ ký của người yêu cầu.',
    });
    // Pushed: the screen stays open while the agency asks.
    await supplementRow.waitFor();
    await screenshot(page, '11-viec-cho-tai-quay');
    await supplementRow.getByRole('button', { name: `Mở hồ sơ ${dossier.provisionalDossierId}` }).click();
    await page.getByRole('button', { name: `Xem chi tiết ${dossier.provisionalDossierId}` }).click();
    await page.getByRole('button', { name: 'Ghi nhận đã bổ sung hồ sơ' }).click();
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByRole('button', { name: 'Xác nhận đã bổ sung' }).click();
    await page.getByText(`Đã ghi nhận hồ sơ ${dossier.provisionalDossierId} được bổ sung đầy đủ`, { exact: false }).first().waitFor();
    await events.waitFor(dossier.id, EventType.SupplementCompleted);
    expect(await agencyView(stack, dossier.id, stack.tokens.agency, 'PROCESSING')).toMatchObject({ status: 'PROCESSING', nationalStatus: 4 });

    await openScreen(page, 'Việc chờ tại quầy');
    await page.getByText('Không có hồ sơ nào chờ bổ sung.').waitFor();
    await signOut(page);
  });

  it('keeps a delivery made without a network in the outbox and records it exactly once when the line returns', async () => {
    // A dossier brought to "picked up at the agency" over the APIs; the browser does the part under test.
    const dossier = await receivedByAgency(920);
    await agencyDecision(stack, dossier.id, stack.tokens.agency, 'result', PAPER_RESULT);
    const returnLeg = await returnOf(stack, dossier.id, stack.tokens.courier);
    await pickUpResult(stack, dossier.id, stack.tokens.courier);

    await signIn(page, appUrl, STAFF.courier);
    await openScreen(page, 'Phát trả kết quả');
    await page.getByRole('button', { name: returnLeg.s10ItemId as string, exact: true }).click();
    await page.getByRole('button', { name: 'Xác nhận đã phát' }).waitFor();
    await browser.context.setOffline(true);
    await page.getByLabel('Người nhận', { exact: true }).fill('Trần Văn Bình');
    await page.getByLabel('Số giấy tờ tuỳ thân').fill('015088000920');
    await page.getByRole('checkbox', { name: /^Đã đối chiếu/ }).check();
    await page.getByRole('button', { name: 'Xác nhận đã phát' }).click();
    await page.getByText('Chưa gửi được: thao tác đang chờ trong Hộp thư đi').first().waitFor();
    await openScreen(page, 'Hộp thư đi');
    await page.getByTestId('outbox-table').locator('tr[data-state=waiting]').filter({ hasText: returnLeg.s10ItemId as string }).waitFor();
    expect((await returnOf(stack, dossier.id, stack.tokens.courier)).status).toBe('PICKED_UP');

    await browser.context.setOffline(false);
    await pollUntil('the outbox to send the delivery', async () => ((await page.locator('tr[data-state=waiting], tr[data-state=sending]').count()) === 0 ? true : undefined), { timeoutMs: 60_000 });
    expect(await page.locator('tr[data-state=failed]').count()).toBe(0);
    expect((await returnOf(stack, dossier.id, stack.tokens.courier, 'DELIVERED')).status).toBe('DELIVERED');
    await events.drained(stack);
    expect(events.streamEventsOf(dossier.id).filter((event) => event.type === EventType.ResultDelivered)).toHaveLength(1);
    await signOut(page);
  });
});
