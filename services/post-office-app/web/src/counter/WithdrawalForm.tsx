import { useRef, useState } from 'react';
import { useStaff } from '../app/staff-context';
import { Notice } from '../ui/Field';
import { formatVnd } from '../ui/format';
import type { Dossier, WithdrawalReasonCode } from './counter-views';
import { SelectField, TextAreaField } from './form-controls';

const REASONS: Readonly<Record<WithdrawalReasonCode, string>> = {
  APPLICANT_REQUEST: 'Người nộp yêu cầu rút hồ sơ',
  DUPLICATE: 'Hồ sơ đăng ký trùng',
  CLERK_ERROR: 'Nhân viên bưu cục nhập sai',
  OTHER: 'Lý do khác',
};

/** Intake's rule (withdraw-dossier.use-case.ts): 1–500 characters, no CCCD or phone number; required for OTHER. */
function reasonError(code: WithdrawalReasonCode, reason: string): string | undefined {
  const text = reason.replace(/\s+/g, ' ').trim();
  if (code === 'OTHER' && !text) return 'Ghi rõ lý do rút hồ sơ.';
  if (text.length > 500) return 'Lý do rút hồ sơ dài tối đa 500 ký tự.';
  if (/\d{10}/.test(text)) return 'Không ghi số CCCD hay số điện thoại vào lý do.';
  return undefined;
}

/**
 * Withdrawal before dispatch, in two steps (the reason, then a confirmation that says what is refunded):
 * the sealed dossier is handed back and cannot be re-registered under the same code.
 */
export function WithdrawalForm({ dossier, onClose, onDone }: { dossier: Dossier; onClose: () => void; onDone: (message: string) => void }) {
  const { outbox } = useStaff();
  const [code, setCode] = useState<WithdrawalReasonCode>('APPLICANT_REQUEST');
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const sendingRef = useRef(false);
  const error = reasonError(code, reason);
  // Business rule of intake (dossier-status.ts): the agency's fees always come back, postage only when the post erred.
  const postageBack = code === 'DUPLICATE' || code === 'CLERK_ERROR' ? dossier.fees.postage.total : 0;

  async function confirm() {
    if (sendingRef.current) return;
    sendingRef.current = true;
    setSending(true);
    setRefusal(undefined);
    try {
      const text = reason.replace(/\s+/g, ' ').trim();
      // POST /dossiers/{id}/withdrawal does not read the Idempotency-Key, but it is idempotent in effect: the
      // row is locked and a withdrawn dossier stays withdrawn; a replay is answered 409 "đã được rút", taken as done.
      const item = await outbox.submit({
        kind: 'withdraw-dossier',
        label: `Rút hồ sơ ${dossier.provisionalDossierId}`,
        request: { service: 'intake', method: 'POST', path: `/dossiers/${encodeURIComponent(dossier.id)}/withdrawal`, json: { reasonCode: code, ...(text ? { reason: text } : {}) } },
        context: { dossierId: dossier.id },
      });
      const alreadyWithdrawn = item.state === 'failed' && (item.response?.body as { code?: string } | undefined)?.code === 'dossier.already-withdrawn';
      if (item.state === 'failed' && !alreadyWithdrawn) {
        setRefusal(item.lastError);
        await outbox.discard(item.id); // shown here; the outbox need not keep a refused withdrawal
        return;
      }
      if (alreadyWithdrawn) await outbox.discard(item.id);
      onDone(
        item.state === 'waiting'
          ? `Yêu cầu rút hồ sơ ${dossier.provisionalDossierId} đang chờ trong Hộp thư đi và sẽ tự gửi khi có mạng. Chưa trả hồ sơ cho người nộp cho đến khi hệ thống xác nhận.`
          : `Đã rút hồ sơ ${dossier.provisionalDossierId}. Trả lại hồ sơ và hoàn tiền cho người nộp.`,
      );
    } finally {
      sendingRef.current = false;
      setSending(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="withdrawal-title">
      <h3 id="withdrawal-title">Rút hồ sơ {dossier.provisionalDossierId}</h3>
      {refusal && <Notice kind="error">{refusal}</Notice>}
      {!confirming ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setTouched(true);
            if (!error) setConfirming(true);
          }}
          noValidate
        >
          <SelectField label="Lý do rút hồ sơ" value={code} onChange={(event) => setCode(event.target.value as WithdrawalReasonCode)}>
            {(Object.keys(REASONS) as WithdrawalReasonCode[]).map((key) => (
              <option key={key} value={key}>
                {REASONS[key]}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            label={code === 'OTHER' ? 'Ghi rõ lý do' : 'Ghi chú lý do (không bắt buộc)'}
            value={reason}
            rows={2}
            maxLength={500}
            onChange={(event) => setReason(event.target.value)}
            onBlur={() => setTouched(true)}
            hint="Không ghi số CCCD, số điện thoại."
            error={touched ? error : undefined}
          />
          <div className="actions">
            <button type="submit">Tiếp tục rút hồ sơ</button>
            <button type="button" className="secondary" onClick={onClose}>
              Huỷ
            </button>
          </div>
        </form>
      ) : (
        <div role="alertdialog" aria-labelledby="withdrawal-confirm-title" aria-describedby="withdrawal-confirm-text">
          <p id="withdrawal-confirm-title">
            <strong>Xác nhận rút hồ sơ {dossier.provisionalDossierId}?</strong>
          </p>
          <p id="withdrawal-confirm-text">
            Lý do: {REASONS[code]}
            {reason.trim() ? ` — ${reason.trim()}` : ''}. Hoàn lại người nộp: phí, lệ phí {formatVnd(dossier.fees.agencyFee)}; cước {formatVnd(postageBack)}. Không thể huỷ thao tác này.
          </p>
          <div className="actions">
            <button type="button" onClick={() => void confirm()} disabled={sending} aria-busy={sending}>
              Xác nhận rút hồ sơ
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)} disabled={sending}>
              Quay lại
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
