import { useRef, useState, type FormEvent } from 'react';
import { useStaff } from '../app/staff-context';
import type { OutboxItem } from '../outbox/outbox-item';
import { Field, Notice } from '../ui/Field';
import { formatVnd } from '../ui/format';
import { ComponentsHandedOver } from './ComponentsHandedOver';
import { PAYMENT_METHOD_VI, SERVICE_FORM_SHORT, type EligibleProcedure, type PaymentMethod, type ServiceForm } from './counter-views';
import { RadioGroup, SelectField } from './form-controls';
import {
  agencyFeeFor,
  draftErrors,
  emptyDraft,
  handedOverCodes,
  postageFor,
  provisionalReceipt,
  registrationRequest,
  returnsResult,
  sendsDossier,
  type RegistrationDraft,
} from './registration-form';
import { serverFieldErrors } from './server-field-errors';

const PAYMENT_OPTIONS = (Object.keys(PAYMENT_METHOD_VI) as PaymentMethod[]).map((method) => (
  <option key={method} value={method}>
    {PAYMENT_METHOD_VI[method]}
  </option>
));

/**
 * The applicant, what they hand over and what they pay, checked as the clerk types (a field shows its
 * error once left, or after a first attempt to register), then registered through the outbox.
 */
export function RegistrationForm({ procedure, onOutcome }: { procedure: EligibleProcedure; onOutcome: (item: OutboxItem) => void }) {
  const { outbox } = useStaff();
  const [draft, setDraft] = useState<RegistrationDraft>(() => emptyDraft(procedure));
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  // A second click before React re-renders the disabled button must not send a second registration.
  const submittingRef = useRef(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  const clientErrors = draftErrors(draft, procedure);
  const errorOf = (key: string): string | undefined => serverErrors[key] ?? (attempted || touched.has(key) ? clientErrors[key] : undefined);
  const visibleErrors: Record<string, string | undefined> = Object.fromEntries(
    [...new Set([...Object.keys(clientErrors), ...Object.keys(serverErrors)])].map((key) => [key, errorOf(key)]),
  );
  const leave = (key: string) => setTouched((previous) => (previous.has(key) ? previous : new Set(previous).add(key)));
  const update = (changes: Partial<RegistrationDraft>, ...keys: string[]) => {
    setDraft((previous) => ({ ...previous, ...changes }));
    // The server's message about a field no longer holds once the clerk changes that field.
    if (keys.some((key) => key in serverErrors)) setServerErrors((previous) => Object.fromEntries(Object.entries(previous).filter(([key]) => !keys.includes(key))));
  };
  const applicant = (changes: Partial<RegistrationDraft['applicant']>, key: string) => update({ applicant: { ...draft.applicant, ...changes } }, key);
  const recipient = (changes: Partial<RegistrationDraft['recipient']>, key: string) => update({ recipient: { ...draft.recipient, ...changes } }, key);
  const blur = (key: string) => ({ onBlur: () => leave(key), error: errorOf(key) });

  const form = draft.serviceForm;
  const agencyFee = agencyFeeFor(procedure, form);
  const forwardLeg = sendsDossier(form) ? Number(draft.forwardLeg) || 0 : 0;
  const returnLeg = returnsResult(form) ? Number(draft.returnLeg) || 0 : 0;

  async function register(event: FormEvent) {
    event.preventDefault();
    if (submittingRef.current) return;
    setAttempted(true);
    setRefusal(undefined);
    if (Object.keys(clientErrors).length > 0) {
      summaryRef.current?.focus();
      return;
    }
    submittingRef.current = true;
    setSubmitting(true);
    try {
      const name = draft.applicant.fullName.normalize('NFC').replace(/\s+/g, ' ').trim();
      // POST /dossiers honours the Idempotency-Key (intake's IdempotencyStore, scope register-dossier:<point>):
      // a retry of this item returns the first dossier and allocates no second S10 or provisional id.
      const item = await outbox.submit({
        kind: 'register-dossier',
        label: `Đăng ký hồ sơ — ${name}`,
        request: { service: 'intake', method: 'POST', path: '/dossiers', json: registrationRequest(draft, procedure) },
        context: { receipt: provisionalReceipt(draft, procedure) },
      });
      if (item.state === 'failed') {
        setServerErrors(serverFieldErrors(item.response?.body, handedOverCodes(draft, procedure)));
        setRefusal(item.lastError);
        // The refusal is shown here, next to the fields to correct; the clerk sends a corrected one, so the
        // refused item would only sit in the outbox as "bị từ chối".
        await outbox.discard(item.id);
        summaryRef.current?.focus();
        return;
      }
      onOutcome(item);
    } finally {
      submittingRef.current = false;
      setSubmitting(false);
    }
  }

  const errorCount = Object.values(visibleErrors).filter(Boolean).length;
  return (
    <form className="panel" onSubmit={(event) => void register(event)} noValidate aria-labelledby="registration-title">
      <h2 id="registration-title">2. Thông tin hồ sơ</h2>
      <div ref={summaryRef} tabIndex={-1}>
        {refusal && (
          <Notice kind="error">
            <strong>Hệ thống chưa đăng ký hồ sơ:</strong> {refusal}
          </Notice>
        )}
        {attempted && errorCount > 0 && !refusal && <Notice kind="error">Còn {errorCount} mục cần sửa (ghi ngay dưới từng trường).</Notice>}
      </div>

      <RadioGroup<ServiceForm>
        legend="Hình thức dịch vụ"
        name="service-form"
        value={form}
        options={procedure.serviceForms.map((value) => ({ value, label: SERVICE_FORM_SHORT[value] }))}
        onChange={(value) => update({ serviceForm: value, ...postageFor(procedure, value) }, 'serviceForm')}
      />

      <h3>Người nộp hồ sơ</h3>
      <div className="grid-2">
        <Field label="Họ và tên người nộp" value={draft.applicant.fullName} onChange={(e) => applicant({ fullName: e.target.value }, 'applicant.fullName')} autoComplete="off" {...blur('applicant.fullName')} />
        <Field label="Số điện thoại người nộp" type="tel" inputMode="tel" value={draft.applicant.phone} onChange={(e) => applicant({ phone: e.target.value }, 'applicant.phone')} autoComplete="off" {...blur('applicant.phone')} />
        <SelectField label="Loại giấy tờ tùy thân" value={draft.applicant.identityKind} onChange={(e) => applicant({ identityKind: e.target.value as 'cccd' | 'passport' }, 'applicant.identityDocument.number')}>
          <option value="cccd">Căn cước công dân / Thẻ căn cước</option>
          <option value="passport">Hộ chiếu</option>
        </SelectField>
        <Field
          label={draft.applicant.identityKind === 'cccd' ? 'Số CCCD/định danh cá nhân' : 'Số hộ chiếu'}
          inputMode={draft.applicant.identityKind === 'cccd' ? 'numeric' : 'text'}
          value={draft.applicant.identityNumber}
          onChange={(e) => applicant({ identityNumber: e.target.value }, 'applicant.identityDocument.number')}
          hint={draft.applicant.identityKind === 'cccd' ? '12 chữ số in trên thẻ.' : undefined}
          autoComplete="off"
          {...blur('applicant.identityDocument.number')}
        />
      </div>
      <Field label="Địa chỉ người nộp" value={draft.applicant.address} onChange={(e) => applicant({ address: e.target.value }, 'applicant.address')} autoComplete="off" {...blur('applicant.address')} />

      {returnsResult(form) && (
        <>
          <h3>Nhận kết quả</h3>
          <label style={{ fontWeight: 400, display: 'flex', gap: '0.4rem', alignItems: 'center', marginBottom: '0.6rem' }}>
            <input type="checkbox" checked={draft.recipientIsApplicant} onChange={(e) => update({ recipientIsApplicant: e.target.checked })} style={{ width: 'auto' }} />
            Người nhận kết quả là người nộp
          </label>
          {!draft.recipientIsApplicant && (
            <div className="grid-2">
              <Field label="Họ và tên người nhận" value={draft.recipient.fullName} onChange={(e) => recipient({ fullName: e.target.value }, 'recipient.fullName')} autoComplete="off" {...blur('recipient.fullName')} />
              <Field label="Số điện thoại người nhận" type="tel" value={draft.recipient.phone} onChange={(e) => recipient({ phone: e.target.value }, 'recipient.phone')} autoComplete="off" {...blur('recipient.phone')} />
              <Field label="Địa chỉ người nhận" value={draft.recipient.address} onChange={(e) => recipient({ address: e.target.value }, 'recipient.address')} autoComplete="off" {...blur('recipient.address')} />
            </div>
          )}
          <div className="grid-2">
            <RadioGroup
              legend="Cách nhận kết quả"
              name="delivery-mode"
              value={draft.deliveryMode}
              options={[
                { value: 'HOME', label: 'Phát tận địa chỉ' },
                { value: 'COUNTER', label: 'Nhận tại quầy bưu cục' },
              ]}
              onChange={(value) => update({ deliveryMode: value })}
            />
            <Field
              label="Mã bưu chính nơi trả kết quả"
              inputMode="numeric"
              value={draft.returnPostalCode}
              onChange={(e) => update({ returnPostalCode: e.target.value }, 'returnDestination.postalCode')}
              hint="Bỏ trống: trả về bưu cục này."
              {...blur('returnDestination.postalCode')}
            />
          </div>
        </>
      )}

      {sendsDossier(form) ? (
        <>
          <h3>Kiểm đếm và niêm phong</h3>
          <ComponentsHandedOver
            procedure={procedure}
            entries={draft.components}
            errors={visibleErrors}
            onChange={(code, entry) => update({ components: { ...draft.components, [code]: entry } }, `component.${code}`, 'components')}
            onLeave={leave}
          />
          <Field label="Số niêm phong" value={draft.sealNumber} onChange={(e) => update({ sealNumber: e.target.value }, 'sealNumber')} hint="Số in trên tem niêm phong túi hồ sơ, ví dụ NP-2026-000123." autoComplete="off" {...blur('sealNumber')} />
        </>
      ) : (
        <>
          <h3>Hồ sơ đã nộp tại cơ quan</h3>
          <div className="grid-2">
            <Field label="Mã hồ sơ của cơ quan" value={draft.dossierCode} onChange={(e) => update({ dossierCode: e.target.value }, 'dossierCode')} hint="Dạng <mã cơ quan>-YYMMDD-XXXX, trên giấy tiếp nhận của cơ quan." autoComplete="off" {...blur('dossierCode')} />
            <SelectField label="Kênh nộp hồ sơ ban đầu" value={draft.originalChannel} onChange={(e) => update({ originalChannel: Number(e.target.value) as 1 | 2 }, 'originalChannel')} error={errorOf('originalChannel')}>
              <option value={2}>Trực tuyến</option>
              <option value={1}>Trực tiếp tại cơ quan</option>
            </SelectField>
          </div>
        </>
      )}

      <h3>Thu tiền</h3>
      <div className="grid-2">
        <div>
          <p>
            Phí, lệ phí của cơ quan: <strong>{formatVnd(agencyFee)}</strong>
            {form === 2 && <span className="muted"> (hình thức nhận kết quả: bưu cục không thu phí, lệ phí)</span>}
          </p>
          {errorOf('fees.agencyFee.amount') && <p className="error">{errorOf('fees.agencyFee.amount')}</p>}
          {agencyFee > 0 && (
            <SelectField label="Thanh toán phí, lệ phí bằng" value={draft.agencyFeePaymentMethod} onChange={(e) => update({ agencyFeePaymentMethod: e.target.value as PaymentMethod }, 'fees.agencyFee.paymentMethod')} error={errorOf('fees.agencyFee.paymentMethod')}>
              {PAYMENT_OPTIONS}
            </SelectField>
          )}
        </div>
        <div>
          {sendsDossier(form) && (
            <Field label="Cước chiều gửi hồ sơ (đồng)" type="number" inputMode="numeric" min={0} value={draft.forwardLeg} onChange={(e) => update({ forwardLeg: e.target.value }, 'fees.postage.forwardLeg')} {...blur('fees.postage.forwardLeg')} />
          )}
          {returnsResult(form) && (
            <Field label="Cước chiều trả kết quả (đồng)" type="number" inputMode="numeric" min={0} value={draft.returnLeg} onChange={(e) => update({ returnLeg: e.target.value }, 'fees.postage.returnLeg')} {...blur('fees.postage.returnLeg')} />
          )}
          {forwardLeg + returnLeg > 0 && (
            <SelectField label="Thanh toán cước bằng" value={draft.postagePaymentMethod} onChange={(e) => update({ postagePaymentMethod: e.target.value as PaymentMethod }, 'fees.postage.paymentMethod')} error={errorOf('fees.postage.paymentMethod')}>
              {PAYMENT_OPTIONS}
            </SelectField>
          )}
        </div>
      </div>
      <p>
        Thu của người nộp: phí, lệ phí <strong>{formatVnd(agencyFee)}</strong> và cước <strong>{formatVnd(forwardLeg + returnLeg)}</strong> (hai khoản lập biên lai riêng).
      </p>

      {Object.entries(serverErrors)
        .filter(([key]) => !SHOWN_KEYS.test(key))
        .map(([key, message]) => (
          <p key={key} className="error">
            {message}
          </p>
        ))}

      <div className="actions">
        <button type="submit" disabled={submitting} aria-busy={submitting}>
          Đăng ký hồ sơ
        </button>
        {submitting && (
          <span role="status" className="muted">
            Đang đăng ký…
          </span>
        )}
      </div>
    </form>
  );
}

/** The server messages the form already shows beside a field; any other is listed above the button. */
const SHOWN_KEYS =
  /^(applicant\.(fullName|phone|address|identityDocument\.number)|recipient\.(fullName|phone|address)|returnDestination\.postalCode|component\..+|components|sealNumber|dossierCode|originalChannel|fees\.agencyFee\.(amount|paymentMethod)|fees\.postage\.(forwardLeg|returnLeg|paymentMethod))$/;
