import { useState } from 'react';
import { dataOf } from '../api/api-error';
import { useQueue, useStaff } from '../app/staff-context';
import { Notice } from '../ui/Field';
import { formatDay, formatInstant, formatVnd } from '../ui/format';
import { DOCUMENT_FORM_VI, SUPPLEMENT_REQUESTED_STATUS, type Dossier, type DossierTimeline } from './counter-views';
import { DossierSlip } from './DossierSlip';
import { SupplementCompletionForm, supplementRequestOf } from './SupplementCompletionForm';
import { WithdrawalForm } from './WithdrawalForm';

/** National one-stop statuses (domain.md §5), as the clerk reads them. */
const NATIONAL_STATUS_VI: Readonly<Record<number, string>> = {
  1: 'Mới đăng ký',
  2: 'Cơ quan đã tiếp nhận',
  3: 'Cơ quan không tiếp nhận',
  4: 'Đang giải quyết',
  5: 'Cơ quan yêu cầu bổ sung',
  6: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  7: 'Đã rút hồ sơ',
  8: 'Dừng xử lý',
  9: 'Đã giải quyết',
  10: 'Đã trả kết quả',
};

export function dossierStatusText(dossier: Dossier): string {
  if (dossier.status === 'WITHDRAWN') return 'Đã rút';
  return dossier.dispatchedAt ? 'Đã chuyển đi cơ quan' : 'Đang ở bưu cục';
}

/**
 * One dossier: intake's record, where it stands according to tracking (national status, the agency's
 * supplement request), its slip, and the counter's two actions on it: withdraw (before dispatch) and
 * record a completed supplement (only while the agency waits for one).
 */
export function DossierDetails({ dossierId, onClose, onChanged }: { dossierId: string; onClose: () => void; onChanged: () => void }) {
  const { api } = useStaff();
  const [action, setAction] = useState<'withdraw' | 'supplement'>();
  const [message, setMessage] = useState<string>();
  const { data, error, reload } = useQueue('counter', async () => {
    const dossier = dataOf<Dossier>(await api.intake.GET('/dossiers/{id}', { params: { path: { id: dossierId } } }));
    // Tracking may not have the dossier's events yet, or be unreachable: the record is still shown.
    const timeline = await api.tracking
      .GET('/dossiers/{id}/timeline', { params: { path: { id: dossierId } } })
      .then((result) => dataOf<DossierTimeline>(result))
      .catch(() => undefined);
    return { dossier, timeline };
  });
  const done = (text: string) => {
    setAction(undefined);
    setMessage(text);
    reload();
    onChanged();
  };

  if (!data) {
    return (
      <section className="panel" aria-label="Chi tiết hồ sơ">
        {error ? <Notice kind="error">{error}</Notice> : <p role="status">Đang tải hồ sơ…</p>}
      </section>
    );
  }
  const { dossier, timeline } = data;
  const nationalStatus = timeline?.dossier.nationalStatus ?? null;
  const waitsForSupplement = dossier.status === 'REGISTERED' && nationalStatus === SUPPLEMENT_REQUESTED_STATUS;
  const withdrawable = dossier.status === 'REGISTERED' && dossier.dispatchedAt === null;
  return (
    <section className="panel" aria-labelledby="dossier-details-title" style={{ marginTop: '1rem' }}>
      <h2 id="dossier-details-title">Hồ sơ {dossier.provisionalDossierId}</h2>
      {message && <Notice kind="ok">{message}</Notice>}
      {error && <Notice kind="error">{error}</Notice>}
      <dl className="grid-2">
        <dt>Mã hồ sơ của cơ quan</dt>
        <dd>{dossier.dossierCode ?? 'chưa cấp'}</dd>
        <dt>Số hiệu bưu gửi (S10)</dt>
        <dd>{dossier.postalItemId ?? '—'}</dd>
        <dt>Thủ tục</dt>
        <dd>
          {dossier.procedure.code} — {dossier.procedure.name}
        </dd>
        <dt>Cơ quan giải quyết</dt>
        <dd>{dossier.agency.name}</dd>
        <dt>Hình thức</dt>
        <dd>{dossier.serviceFormLabel}</dd>
        <dt>Người nộp</dt>
        <dd>
          {dossier.applicant.identityDocumentKind === 'cccd' ? 'CCCD' : 'Hộ chiếu'} {dossier.applicant.identityNumberMasked} · ĐT {dossier.applicant.phoneMasked}
        </dd>
        <dt>Tiếp nhận</dt>
        <dd>
          {formatInstant(dossier.receivedAt)} (J = {formatDay(dossier.intakeDay)})
        </dd>
        {dossier.postalDeadline && (
          <>
            <dt>Hạn chuyển đến cơ quan</dt>
            <dd>{formatDay(dossier.postalDeadline.dueDate)}</dd>
          </>
        )}
        <dt>Phí, lệ phí / cước</dt>
        <dd>
          {formatVnd(dossier.fees.agencyFee)} / {formatVnd(dossier.fees.postage.total)}
        </dd>
        {dossier.returnDestination && (
          <>
            <dt>Trả kết quả</dt>
            <dd>
              {dossier.returnDestination.deliveryMode === 'COUNTER' ? 'Nhận tại quầy' : 'Phát tận địa chỉ'} · bưu cục {dossier.returnDestination.postalCode}
            </dd>
          </>
        )}
        <dt>Tại bưu cục</dt>
        <dd>{dossierStatusText(dossier)}</dd>
        <dt>Trạng thái tại cơ quan</dt>
        <dd data-testid="national-status">{nationalStatus === null ? (timeline ? '—' : 'chưa có thông tin theo dõi') : (NATIONAL_STATUS_VI[nationalStatus] ?? String(nationalStatus))}</dd>
        {dossier.withdrawal && (
          <>
            <dt>Rút hồ sơ</dt>
            <dd>
              {formatInstant(dossier.withdrawal.withdrawnAt)}
              {dossier.withdrawal.reason ? ` — ${dossier.withdrawal.reason}` : ''}
            </dd>
          </>
        )}
      </dl>
      {dossier.components.length > 0 && (
        <details>
          <summary>Thành phần hồ sơ ({dossier.components.length})</summary>
          <ul>
            {dossier.components.map((component) => (
              <li key={component.componentId}>
                {component.name} — {DOCUMENT_FORM_VI[component.kind]}, {component.count} bản
              </li>
            ))}
          </ul>
        </details>
      )}

      <DossierSlip target={dossier} />

      <div className="actions" style={{ marginTop: '0.5rem' }}>
        {withdrawable && action !== 'withdraw' && (
          <button type="button" className="secondary" onClick={() => setAction('withdraw')}>
            Rút hồ sơ
          </button>
        )}
        {waitsForSupplement && action !== 'supplement' && (
          <button type="button" onClick={() => setAction('supplement')}>
            Ghi nhận đã bổ sung hồ sơ
          </button>
        )}
        <button type="button" className="secondary" onClick={onClose}>
          Đóng chi tiết
        </button>
      </div>
      {action === 'withdraw' && <WithdrawalForm dossier={dossier} onClose={() => setAction(undefined)} onDone={done} />}
      {action === 'supplement' && (
        <SupplementCompletionForm dossier={dossier} request={timeline ? supplementRequestOf(timeline.entries) : undefined} onClose={() => setAction(undefined)} onDone={done} />
      )}
    </section>
  );
}
