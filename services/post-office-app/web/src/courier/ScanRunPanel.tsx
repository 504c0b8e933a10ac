import { useId, useRef, useState, type FormEvent } from 'react';
import { useStaff } from '../app/staff-context';
import type { OutboxItem } from '../outbox/outbox-item';
import { Field, Notice } from '../ui/Field';
import { CameraScanner } from './CameraScanner';
import { SCAN_KINDS, scanKindText, type ScanKind } from './courier-views';
import { checkS10 } from './s10';
import { outcomesOf } from './scan-batch-outcome';
import { useFollowedItem } from './use-followed-item';

interface SentBatch {
  readonly item: OutboxItem;
  readonly kind: ScanKind;
  readonly s10ItemIds: readonly string[];
}

const OUTCOME_BADGE = { accepted: 'badge-done', refused: 'badge-failed', 'not-recorded': 'badge-warn', pending: 'badge-waiting' } as const;
const OUTCOME_WORD = { accepted: 'Chấp nhận', refused: 'Bị từ chối', 'not-recorded': 'Chưa ghi nhận', pending: 'Chờ gửi' } as const;

/**
 * A courier's run: the slips' barcodes are scanned one after the other into a list (a scanner gun
 * types the 13 characters and Enter), then the whole list is recorded as one scan of one kind.
 */
export function ScanRunPanel({ codes, setCodes }: { codes: readonly string[]; setCodes: (update: (current: readonly string[]) => readonly string[]) => void }) {
  const { session, outbox } = useStaff();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string>();
  const [note, setNote] = useState<string>();
  const [kind, setKind] = useState<ScanKind>('DISPATCHED');
  const [postalCode, setPostalCode] = useState(session.staff.postalCode ?? '');
  const [bagRef, setBagRef] = useState('');
  const [formError, setFormError] = useState<string>();
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<SentBatch>();
  const followed = useFollowedItem(sent?.item);
  const inputRef = useRef<HTMLInputElement>(null);
  const kindId = useId();
  const scanId = useId();

  const add = (raw: string, fromCamera: boolean) => {
    const check = checkS10(raw);
    if (!check.ok) {
      // The camera also sees other barcodes on the slip: only what a person typed deserves an error.
      if (!fromCamera) setError(check.messageVi);
      return;
    }
    setError(undefined);
    if (codes.includes(check.id)) {
      if (!fromCamera) setNote(`${check.id} đã có trong danh sách, bỏ qua lần quét trùng.`);
      return;
    }
    setNote(`Đã thêm ${check.id}.`);
    // Two reads of the same slip can come before the list is drawn again: the list itself keeps each id once.
    setCodes((current) => (current.includes(check.id) ? current : [...current, check.id]));
  };

  const onScan = (event: FormEvent) => {
    event.preventDefault();
    if (!typed.trim()) return;
    add(typed, false);
    setTyped('');
    inputRef.current?.focus();
  };

  const recordAll = async () => {
    if (codes.length === 0) return setFormError('Danh sách trống: quét ít nhất một bưu gửi.');
    if (!/^\d{5}$/.test(postalCode)) return setFormError('Mã bưu chính nơi quét phải gồm 5 chữ số.');
    if (bagRef && !/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/.test(bagRef)) return setFormError('Số túi/chuyến thư chỉ gồm chữ, số, dấu chấm, gạch (tối đa 40 ký tự).');
    setFormError(undefined);
    setSending(true);
    try {
      const s10ItemIds = [...codes];
      // POST /scans/batch does not read the Idempotency-Key, and needs not: it is naturally idempotent.
      // A scan of a step already recorded is a "repeat" that changes nothing (scan-order.rule.ts), and
      // the time of the scan travels in the body, so a resend records exactly the same thing.
      const item = await outbox.submit({
        kind: 'courier-scan-batch',
        label: `Quét "${scanKindText(kind)}" — ${s10ItemIds.length} bưu gửi`,
        request: {
          service: 'forwarding',
          method: 'POST',
          path: '/scans/batch',
          json: { kind, postalCode, at: new Date().toISOString(), s10ItemIds, ...(bagRef ? { bagRef } : {}) },
        },
        context: { s10ItemIds, scanKind: kind },
      });
      setSent({ item, kind, s10ItemIds });
      setCodes(() => []);
      setNote(undefined);
    } finally {
      setSending(false);
      inputRef.current?.focus();
    }
  };

  const outcomes = followed && sent ? outcomesOf(followed, sent.s10ItemIds) : [];
  const retryable = outcomes.filter((outcome) => outcome.state === 'not-recorded').map((outcome) => outcome.s10ItemId);

  return (
    <section className="panel" aria-labelledby="scan-run-title">
      <h2 id="scan-run-title">Quét bưu gửi</h2>
      <form onSubmit={onScan} className="row">
        <div className={error ? 'field field-invalid' : 'field'} style={{ flex: '1 1 16rem' }}>
          <label htmlFor={scanId}>Số hiệu bưu gửi (S10)</label>
          <input
            ref={inputRef}
            id={scanId}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${scanId}-error ${scanId}-hint` : `${scanId}-hint`}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={20}
            autoFocus
          />
          <small id={`${scanId}-hint`} className="muted">
            Quét mã vạch trên phiếu gửi hoặc gõ số hiệu rồi nhấn Enter.
          </small>
          {error && (
            <small id={`${scanId}-error`} className="error" role="alert">
              {error}
            </small>
          )}
        </div>
        <button type="submit" className="secondary" style={{ marginBottom: '0.6rem' }}>
          Thêm vào danh sách
        </button>
      </form>
      <CameraScanner onCode={(code) => add(code, true)} />
      {note && (
        <p role="status" className="muted">
          {note}
        </p>
      )}

      <h3>Danh sách quét ({codes.length})</h3>
      {codes.length === 0 ? (
        <p className="empty">Chưa có bưu gửi nào trong lượt quét này.</p>
      ) : (
        <ol>
          {codes.map((code) => (
            <li key={code}>
              <span style={{ fontFamily: 'monospace' }}>{code}</span>{' '}
              <button type="button" className="link-button" aria-label={`Bỏ ${code} khỏi danh sách`} onClick={() => setCodes((current) => current.filter((c) => c !== code))}>
                Bỏ
              </button>
            </li>
          ))}
        </ol>
      )}

      <div className="grid-2">
        <div className="field">
          <label htmlFor={kindId}>Loại quét</label>
          <select id={kindId} value={kind} onChange={(event) => setKind(event.target.value as ScanKind)}>
            {SCAN_KINDS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <Field label="Mã bưu chính nơi quét" value={postalCode} onChange={(event) => setPostalCode(event.target.value.trim())} inputMode="numeric" maxLength={5} />
        <Field label="Số túi/chuyến thư (nếu có)" value={bagRef} onChange={(event) => setBagRef(event.target.value.trim())} maxLength={40} />
      </div>
      {formError && <Notice kind="error">{formError}</Notice>}
      <div className="actions">
        <button type="button" onClick={() => void recordAll()} disabled={sending || codes.length === 0}>
          Ghi nhận tất cả
        </button>
      </div>

      {sent && followed && (
        <div aria-live="polite">
          <h3>
            Kết quả lượt quét "{scanKindText(sent.kind)}" ({sent.s10ItemIds.length} bưu gửi)
          </h3>
          {followed.state === 'failed' && <Notice kind="error">{followed.lastError}</Notice>}
          {(followed.state === 'waiting' || followed.state === 'sending') && (
            <Notice kind="info">Chưa gửi được: lượt quét đang chờ trong Hộp thư đi và sẽ tự gửi khi có mạng.</Notice>
          )}
          {followed.state === 'done' && <Notice kind="ok">Đã ghi nhận lượt quét.</Notice>}
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Số hiệu</th>
                <th scope="col">Kết quả</th>
                <th scope="col">Chi tiết</th>
              </tr>
            </thead>
            <tbody>
              {outcomes.map((outcome) => (
                <tr key={outcome.s10ItemId} data-outcome={outcome.state}>
                  <td style={{ fontFamily: 'monospace' }}>{outcome.s10ItemId}</td>
                  <td>
                    <span className={`badge ${OUTCOME_BADGE[outcome.state]}`}>{OUTCOME_WORD[outcome.state]}</span>
                  </td>
                  <td>{outcome.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {retryable.length > 0 && (
            <div className="actions" style={{ marginTop: '0.5rem' }}>
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  setCodes((current) => [...current, ...retryable.filter((code) => !current.includes(code))]);
                  setKind(sent.kind);
                }}
              >
                Đưa {retryable.length} bưu gửi chưa ghi nhận vào lại danh sách
              </button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
