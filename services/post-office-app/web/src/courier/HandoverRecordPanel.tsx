import { useId, useMemo, useState } from 'react';
import { useStaff } from '../app/staff-context';
import type { OutboxItem } from '../outbox/outbox-item';
import { Field, Notice } from '../ui/Field';
import type { LegView } from './courier-views';
import { HandoverRecordPrint } from './HandoverRecordPrint';
import { useFollowedItem } from './use-followed-item';

/** Legs that may go into a handover record (sign-handover-record.use-case.ts HANDOVER_READY). */
const READY = ['DISPATCHED', 'ARRIVED', 'HANDED_OVER'];

/**
 * The S10s a refusal names (count mismatch, not ready, other agency). The slip's own count is not
 * shown: the point is that both sides count again.
 */
function offendingItems(item: OutboxItem): string[] {
  const listed = (item.response?.body as { details?: { items?: { s10ItemId?: string }[] } } | undefined)?.details?.items;
  return Array.isArray(listed) ? listed.flatMap((entry) => (entry.s10ItemId ? [entry.s10ItemId] : [])) : [];
}

/** The number typed for each S10 ('' until counted). */
type Counts = Record<string, string>;

/**
 * The handover record (Biên bản giao nhận) signed at the agency's desk: one agency, the dossiers handed
 * over, and for each the documents both sides counted (the service checks them against the sending
 * slip). When the agency's receiver signs the paper too, their name makes the record complete at once
 * (its signing time is the legal filing time); otherwise it waits for the agency's signature from its gateway.
 */
export function HandoverRecordPanel({ legs }: { legs: readonly LegView[] | undefined }) {
  const { outbox } = useStaff();
  const ready = useMemo(() => (legs ?? []).filter((leg) => READY.includes(leg.status)), [legs]);
  const agencies = [...new Set(ready.map((leg) => leg.agencyId))];
  const [agencyChoice, setAgencyChoice] = useState('');
  const agencyId = agencies.includes(agencyChoice) ? agencyChoice : (agencies[0] ?? '');
  const [chosen, setChosen] = useState<Record<string, boolean>>({});
  const [counts, setCounts] = useState<Counts>({});
  const [agencySignerName, setAgencySignerName] = useState('');
  const [remittanceMethod, setRemittanceMethod] = useState<'CASH' | 'BANK_TRANSFER'>('CASH');
  const [formError, setFormError] = useState<string>();
  const [sending, setSending] = useState(false);
  const [submitted, setSubmitted] = useState<OutboxItem>();
  const followed = useFollowedItem(submitted);
  const agencyFieldId = useId();
  const methodId = useId();

  const agencyLegs = ready.filter((leg) => leg.agencyId === agencyId);
  // Items scanned "handed over" are in by default; the others only when ticked.
  const isChosen = (leg: LegView) => chosen[leg.s10ItemId] ?? leg.status === 'HANDED_OVER';
  const items = agencyLegs.filter(isChosen);

  const sign = async () => {
    if (items.length === 0) return setFormError('Chọn ít nhất một bưu gửi đã giao cho cơ quan.');
    const uncounted = items.filter((leg) => !/^\d{1,5}$/.test(counts[leg.s10ItemId] ?? ''));
    if (uncounted.length > 0) return setFormError(`Nhập số giấy tờ đã kiểm đếm cho: ${uncounted.map((leg) => leg.s10ItemId).join(', ')}.`);
    setFormError(undefined);
    setSending(true);
    try {
      // POST /handover-records honours the Idempotency-Key (the outbox item id): a resend returns the
      // first record instead of making a second one (sign-handover-record.use-case.ts).
      const item = await outbox.submit({
        kind: 'handover-record',
        label: `Biên bản giao nhận — ${agencyId}, ${items.length} hồ sơ`,
        request: {
          service: 'forwarding',
          method: 'POST',
          path: '/handover-records',
          json: {
            items: items.map((leg) => ({ s10ItemId: leg.s10ItemId, documentsCounted: Number(counts[leg.s10ItemId]) })),
            signedAt: new Date().toISOString(),
            remittanceMethod,
            ...(agencySignerName.trim() ? { agencySignerName: agencySignerName.trim() } : {}),
          },
        },
        context: { agencyId },
      });
      setSubmitted(item);
      if (item.state === 'done') {
        setChosen({});
        setCounts({});
        setAgencySignerName('');
      }
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="handover-title">
      <h2 id="handover-title">Biên bản giao nhận với cơ quan</h2>
      {ready.length === 0 ? (
        <p className="empty">Chưa có bưu gửi nào đã chuyển đi để lập biên bản.</p>
      ) : (
        <>
          <div className="field">
            <label htmlFor={agencyFieldId}>Cơ quan nhận</label>
            <select id={agencyFieldId} value={agencyId} onChange={(event) => setAgencyChoice(event.target.value)}>
              {agencies.map((agency) => (
                <option key={agency} value={agency}>
                  {agency}
                </option>
              ))}
            </select>
          </div>
          <fieldset>
            <legend>Hồ sơ giao và số giấy tờ kiểm đếm</legend>
            {agencyLegs.map((leg) => (
              <div key={leg.legId} className="row">
                <label style={{ fontWeight: 400, display: 'flex', gap: '0.4rem', alignItems: 'center', flex: '1 1 14rem' }}>
                  <input type="checkbox" style={{ width: 'auto' }} checked={isChosen(leg)} onChange={(event) => setChosen({ ...chosen, [leg.s10ItemId]: event.target.checked })} />
                  <span>
                    <span style={{ fontFamily: 'monospace' }}>{leg.s10ItemId}</span> · {leg.provisionalDossierId}
                  </span>
                </label>
                <div style={{ flex: '0 1 12rem' }}>
                  <Field
                    label={`Số giấy tờ kiểm đếm — ${leg.s10ItemId}`}
                    inputMode="numeric"
                    value={counts[leg.s10ItemId] ?? ''}
                    disabled={!isChosen(leg)}
                    onChange={(event) => setCounts({ ...counts, [leg.s10ItemId]: event.target.value.trim() })}
                  />
                </div>
              </div>
            ))}
          </fieldset>
          <div className="grid-2">
            <Field
              label="Cán bộ cơ quan ký trên biên bản giấy (họ tên)"
              hint="Để trống nếu cơ quan ký xác nhận qua hệ thống của cơ quan."
              value={agencySignerName}
              maxLength={200}
              onChange={(event) => setAgencySignerName(event.target.value)}
            />
            <div className="field">
              <label htmlFor={methodId}>Hình thức chuyển phí cho cơ quan</label>
              <select id={methodId} value={remittanceMethod} onChange={(event) => setRemittanceMethod(event.target.value as 'CASH' | 'BANK_TRANSFER')}>
                <option value="CASH">Tiền mặt</option>
                <option value="BANK_TRANSFER">Chuyển khoản</option>
              </select>
            </div>
          </div>
          {formError && <Notice kind="error">{formError}</Notice>}
          <div className="actions">
            <button type="button" onClick={() => void sign()} disabled={sending}>
              Lập biên bản giao nhận
            </button>
          </div>
        </>
      )}
      {followed?.state === 'failed' && (
        <Notice kind="error">
          {followed.lastError}
          {offendingItems(followed).length > 0 && <> Bưu gửi cần xem lại: {offendingItems(followed).join(', ')}.</>}
        </Notice>
      )}
      {(followed?.state === 'waiting' || followed?.state === 'sending') && (
        <Notice kind="info">Biên bản chưa gửi được: đang chờ trong Hộp thư đi và sẽ tự gửi khi có mạng. Số biên bản sẽ hiện khi hệ thống xác nhận.</Notice>
      )}
      {followed?.state === 'done' && <HandoverRecordPrint item={followed} />}
    </section>
  );
}
