import { useStaff } from '../app/staff-context';
import type { OutboxItem } from '../outbox/outbox-item';
import { Notice } from '../ui/Field';
import { formatDay, formatInstant, formatVnd } from '../ui/format';
import { AttemptForm } from './AttemptForm';
import { CounterNoticeForm, ReturnToAgencyForm } from './CounterForms';
import { DeliverForm } from './DeliverForm';
import { PickUpForm } from './PickUpForm';
import { RETURN_STATUS_TEXT, reasonText, type ReturnView } from './returns-views';

const requestJson = (item: OutboxItem) => (item.request.json ?? {}) as Record<string, unknown>;

/** One return: where it stands, its invitations so far, and the steps the signed-in person may take now. */
export function DeliveryDetail({ ret, onDone }: { ret: ReturnView; onDone: (doneText: string) => void }) {
  const { session, outboxItems } = useStaff();
  const role = session.staff.role;
  const mode = ret.deliveryMode ?? 'HOME';
  const mine = outboxItems.filter((item) => item.request.service === 'returns' && item.context?.dossierId === ret.dossierId);
  const unsent = mine.filter((item) => item.state !== 'done');
  // The service keeps only the times of the invitations; the reasons of those recorded on this device are in the outbox.
  const reasonAt = (at: string) => {
    const attempt = mine.find((item) => item.kind === 'delivery-attempt' && requestJson(item).attemptedAt === at);
    return attempt ? reasonText(String(attempt.context?.reasonCode ?? '')) : undefined;
  };
  const canHomeDeliver = mode === 'HOME' && (ret.status === 'PICKED_UP' || ret.status === 'ATTEMPTED');
  const canCounterDeliver = mode === 'COUNTER' && (ret.status === 'PICKED_UP' || ret.status === 'AT_COUNTER');

  return (
    <article className="panel" aria-labelledby="delivery-detail-title">
      <h2 id="delivery-detail-title">
        Bưu gửi <span style={{ fontFamily: 'monospace' }}>{ret.s10ItemId ?? '—'}</span>
      </h2>
      <p>
        <span className="badge badge-warn">{RETURN_STATUS_TEXT[ret.status] ?? ret.status}</span> · {mode === 'HOME' ? 'Phát tận nơi' : 'Nhận tại quầy'} ·{' '}
        {ret.returnedItem === 'REFUSAL_SLIP' ? 'Văn bản từ chối' : 'Kết quả giải quyết'}
      </p>
      <dl className="grid-2">
        <div>
          <dt className="muted">Cơ quan trả kết quả</dt>
          <dd>{ret.agencyId ?? '—'}</dd>
        </div>
        <div>
          <dt className="muted">Hạn phát</dt>
          <dd>{formatDay(ret.deadline?.dueDate)}</dd>
        </div>
        <div>
          <dt className="muted">Phí, lệ phí thu khi phát</dt>
          <dd>{formatVnd(ret.feesToCollect ?? 0)}</dd>
        </div>
        <div>
          <dt className="muted">Nhận tại cơ quan lúc</dt>
          <dd>{formatInstant(ret.pickedUpAt ?? undefined)}</dd>
        </div>
      </dl>
      {ret.documentsToTakeBack.length > 0 && (
        <p>Phải thu hồi trước khi trao: {ret.documentsToTakeBack.map((doc) => `${doc.title ?? doc.documentCode} (${doc.count} bản)`).join(', ')}.</p>
      )}
      <h3>{mode === 'HOME' ? 'Các lần phát không thành công' : 'Các lần mời nhận tại quầy'}</h3>
      {ret.invitations.length === 0 ? (
        <p className="empty">Chưa có.</p>
      ) : (
        <ol>
          {ret.invitations.map((at) => (
            <li key={at}>
              {formatInstant(at)}
              {reasonAt(at) ? ` — ${reasonAt(at)}` : ''}
            </li>
          ))}
        </ol>
      )}
      {unsent.length > 0 && (
        <Notice kind="info">
          {unsent.length} thao tác với bưu gửi này chưa được hệ thống xác nhận (xem Hộp thư đi): {unsent.map((item) => item.label).join('; ')}.
        </Notice>
      )}

      {role === 'courier' && ret.status === 'OPEN' && <PickUpForm ret={ret} onDone={onDone} />}
      {role === 'courier' && canHomeDeliver && (
        <>
          <DeliverForm ret={ret} atCounter={false} onDone={onDone} />
          <AttemptForm ret={ret} onDone={onDone} />
        </>
      )}
      {role === 'courier' && mode === 'COUNTER' && ret.status !== 'OPEN' && <p className="muted">Kết quả này được trả tại quầy: giao về quầy giao dịch của bưu cục.</p>}
      {role === 'clerk' && canCounterDeliver && (
        <>
          <DeliverForm ret={ret} atCounter onDone={onDone} />
          <CounterNoticeForm ret={ret} onDone={onDone} />
          {ret.status === 'AT_COUNTER' && ret.invitations.length >= 2 && <ReturnToAgencyForm ret={ret} onDone={onDone} />}
        </>
      )}
      {role === 'clerk' && ret.status === 'OPEN' && <p className="muted">Chờ bưu tá nhận kết quả tại cơ quan.</p>}
      {role === 'clerk' && mode === 'HOME' && ret.status !== 'OPEN' && <p className="muted">Kết quả này được bưu tá phát tận nơi.</p>}
    </article>
  );
}
