import { useId, useState } from 'react';
import { Field, Notice } from '../ui/Field';
import { FAILURE_REASONS, type FailureReason, type ReturnView } from './returns-views';
import { useReturnStep } from './use-return-step';

const COST_BEARERS = [
  { value: '', label: 'Theo lý do (mặc định)' },
  { value: 'APPLICANT', label: 'Người nộp hồ sơ' },
  { value: 'POSTAL', label: 'Bưu điện' },
  { value: 'AGENCY', label: 'Cơ quan giải quyết' },
  { value: 'THIRD_PARTY', label: 'Bên thứ ba' },
  { value: 'UNDETERMINED', label: 'Chưa xác định' },
];

/**
 * A failed home delivery (UPU EMH) with its reason: an invitation. The second must come two working
 * days after the first, and if it fails too the result goes back to the agency at once (the service does it).
 */
export function AttemptForm({ ret, onDone }: { ret: ReturnView; onDone: (doneText: string) => void }) {
  const { busy, outcome, run } = useReturnStep(ret.dossierId, onDone);
  const [reason, setReason] = useState<FailureReason | ''>('');
  const [invitationLeft, setInvitationLeft] = useState(true);
  const [costBorneBy, setCostBorneBy] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const reasonId = useId();
  const costId = useId();
  const last = ret.invitations.length >= 1;

  const submit = async () => {
    if (!reason) return setError('Chọn lý do phát không thành công.');
    // The note goes into events others read: no ID or phone numbers (the service refuses a run of 10 digits).
    if (/\d{10}/.test(note)) return setError('Ghi chú không được chứa số giấy tờ hay số điện thoại.');
    setError(undefined);
    const sent = await run({
      kind: 'delivery-attempt',
      label: `Phát không thành công — ${ret.s10ItemId ?? ret.dossierId}`,
      step: 'attempts',
      json: { attemptedAt: new Date().toISOString(), reasonCode: reason, invitationLeft, ...(costBorneBy ? { costBorneBy } : {}), ...(note.trim() ? { note: note.trim() } : {}) },
      doneText: last ? 'Đã ghi nhận lần phát thứ hai không thành công: kết quả được trả lại cơ quan.' : 'Đã ghi nhận lần phát không thành công; có thể phát lại sau 02 ngày làm việc.',
      context: { reasonCode: reason },
    });
    if (sent) setNote('');
  };

  return (
    <section aria-labelledby={`attempt-${ret.dossierId}`}>
      <h3 id={`attempt-${ret.dossierId}`}>Phát không thành công</h3>
      {last && <Notice kind="info">Đây là lần mời thứ hai: nếu không phát được, kết quả sẽ được trả lại cơ quan ngay.</Notice>}
      <div className={error && !reason ? 'field field-invalid' : 'field'}>
        <label htmlFor={reasonId}>Lý do</label>
        <select id={reasonId} value={reason} onChange={(event) => setReason(event.target.value as FailureReason)}>
          <option value="">— Chọn —</option>
          {FAILURE_REASONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <label style={{ fontWeight: 400, display: 'flex', gap: '0.4rem', alignItems: 'center', marginBottom: '0.6rem' }}>
        <input type="checkbox" style={{ width: 'auto' }} checked={invitationLeft} onChange={(event) => setInvitationLeft(event.target.checked)} />
        Đã để lại giấy mời
      </label>
      <div className="field">
        <label htmlFor={costId}>Bên chịu chi phí phát lại</label>
        <select id={costId} value={costBorneBy} onChange={(event) => setCostBorneBy(event.target.value)}>
          {COST_BEARERS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <Field label="Ghi chú" hint="Không ghi số giấy tờ, số điện thoại." value={note} maxLength={500} onChange={(event) => setNote(event.target.value)} />
      {error && <Notice kind="error">{error}</Notice>}
      {outcome && <Notice kind={outcome.kind}>{outcome.text}</Notice>}
      <button type="button" className="secondary" onClick={() => void submit()} disabled={busy}>
        Ghi nhận phát không thành công
      </button>
    </section>
  );
}
