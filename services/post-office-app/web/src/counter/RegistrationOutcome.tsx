import type { OutboxItem } from '../outbox/outbox-item';
import { Notice } from '../ui/Field';
import { formatDay, formatInstant, formatVnd } from '../ui/format';
import { DOCUMENT_FORM_VI, SERVICE_FORM_SHORT, type Dossier } from './counter-views';
import { DossierSlip } from './DossierSlip';
import type { ProvisionalReceipt } from './registration-form';

export const receiptOf = (item: OutboxItem) => item.context?.receipt as ProvisionalReceipt | undefined;

/**
 * What the clerk sees once the registration left the form: the confirmed dossier with its slip, the
 * provisional receipt while it waits in the outbox (it turns into the confirmed one by itself when the
 * outbox gets the answer), or the refusal that came after a wait.
 */
export function RegistrationOutcome({ item }: { item: OutboxItem }) {
  if (item.state === 'done') return <ConfirmedRegistration dossier={item.response?.body as Dossier} />;
  const receipt = receiptOf(item);
  if (item.state === 'failed') {
    return (
      <Notice kind="error">
        <strong>Hệ thống từ chối đăng ký hồ sơ {receipt ? `của ${receipt.applicantName}` : ''}:</strong> {item.lastError}. Xem trong Hộp thư đi, sửa thông tin và đăng ký lại.
      </Notice>
    );
  }
  return <ProvisionalRegistration receipt={receipt} item={item} />;
}

export function ConfirmedRegistration({ dossier }: { dossier: Dossier }) {
  return (
    <section className="panel" aria-labelledby="confirmed-title">
      <div role="status" className="notice notice-ok">
        <h2 id="confirmed-title" style={{ marginTop: 0 }}>
          Đã đăng ký hồ sơ {dossier.provisionalDossierId}
        </h2>
        <dl className="grid-2" style={{ margin: 0 }}>
          <dt>Mã hồ sơ tạm</dt>
          <dd data-testid="provisional-dossier-id">{dossier.provisionalDossierId}</dd>
          {dossier.postalItemId && (
            <>
              <dt>Số hiệu bưu gửi (S10)</dt>
              <dd data-testid="postal-item-id">{dossier.postalItemId}</dd>
            </>
          )}
          {dossier.dossierCode && (
            <>
              <dt>Mã hồ sơ của cơ quan</dt>
              <dd>{dossier.dossierCode}</dd>
            </>
          )}
          <dt>Ngày nhận (J)</dt>
          <dd>{formatDay(dossier.intakeDay)}</dd>
          {dossier.postalDeadline && (
            <>
              <dt>Hạn chuyển hồ sơ đến cơ quan (J+{dossier.postalDeadline.workingDays})</dt>
              <dd data-testid="postal-deadline">{formatDay(dossier.postalDeadline.dueDate)}</dd>
            </>
          )}
          <dt>Thủ tục</dt>
          <dd>
            {dossier.procedure.code} — {dossier.procedure.name}
          </dd>
          <dt>Phí, lệ phí / cước</dt>
          <dd>
            {formatVnd(dossier.fees.agencyFee)} / {formatVnd(dossier.fees.postage.total)}
          </dd>
        </dl>
      </div>
      <DossierSlip target={dossier} showNow />
    </section>
  );
}

/** The paper the applicant takes home when the network is down: clearly not the official slip. */
function ProvisionalRegistration({ receipt, item }: { receipt: ProvisionalReceipt | undefined; item: OutboxItem }) {
  return (
    <section className="panel provisional-receipt" aria-labelledby="provisional-title">
      <div role="status" className="notice notice-info">
        <h2 id="provisional-title" style={{ marginTop: 0 }}>
          Biên nhận tạm — CHƯA XÁC NHẬN
        </h2>
        <p>
          <strong>
            CHƯA XÁC NHẬN — hồ sơ sẽ được đăng ký khi có mạng; phiếu gửi chính thức (mã hồ sơ, số hiệu bưu gửi S10, ngày hẹn trả) được in sau khi hệ thống xác nhận.
          </strong>
        </p>
        <p>
          Yêu cầu đang chờ trong Hộp thư đi và sẽ tự gửi. Khi được xác nhận, in phiếu gửi chính thức tại đây hoặc ở màn hình “Việc chờ tại quầy”.
          {item.lastError ? ` (${item.lastError})` : ''}
        </p>
      </div>
      {receipt && (
        <dl className="grid-2">
          <dt>Người nộp</dt>
          <dd>{receipt.applicantName}</dd>
          <dt>Thủ tục</dt>
          <dd>
            {receipt.procedure.code} — {receipt.procedure.name}
          </dd>
          <dt>Cơ quan giải quyết</dt>
          <dd>{receipt.agencyName}</dd>
          <dt>Hình thức</dt>
          <dd>{SERVICE_FORM_SHORT[receipt.serviceForm]}</dd>
          <dt>Phí, lệ phí của cơ quan</dt>
          <dd>{formatVnd(receipt.fees.agencyFee)}</dd>
          <dt>Cước bưu chính</dt>
          <dd>
            {formatVnd(receipt.fees.forwardLeg + receipt.fees.returnLeg)} (gửi {formatVnd(receipt.fees.forwardLeg)}, trả {formatVnd(receipt.fees.returnLeg)})
          </dd>
          <dt>Lập lúc</dt>
          <dd>{formatInstant(new Date(item.createdAt).toISOString())}</dd>
        </dl>
      )}
      {receipt && receipt.components.length > 0 && (
        <>
          <h3>Thành phần đã nhận</h3>
          <ul>
            {receipt.components.map((component) => (
              <li key={`${component.name}-${component.kind}`}>
                {component.name} — {DOCUMENT_FORM_VI[component.kind]}, {component.count} bản
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="actions">
        <button type="button" className="secondary" onClick={() => window.print()}>
          In biên nhận tạm
        </button>
      </div>
    </section>
  );
}
