import { dataOf } from '../api/api-error';
import { useQueue, useStaff } from '../app/staff-context';
import type { OutboxItem } from '../outbox/outbox-item';
import { Notice } from '../ui/Field';
import { formatDay, formatInstant, formatVnd } from '../ui/format';
import type { Dossier, ReturnItem, ReturnList } from './counter-views';
import { DossierSlip } from './DossierSlip';
import { receiptOf } from './RegistrationOutcome';

/** The results that wait at this counter: the courier brought them (PICKED_UP) or the citizen was invited (AT_COUNTER). */
const AT_COUNTER_STATUSES = ['PICKED_UP', 'AT_COUNTER'] as const;

const RETURN_STATUS_VI: Readonly<Record<string, string>> = {
  PICKED_UP: 'Kết quả đã về, cần báo người nhận',
  AT_COUNTER: 'Đã báo, chờ người nhận đến lấy',
};

/** Tracking records an event a moment after the live notice of it: the list is read again after this. */
const TRACKING_SETTLE_MS = 2_000;

/** National status 5 (Yêu cầu bổ sung hồ sơ), contracts' NationalStatus.SupplementRequested. */
const SUPPLEMENT_REQUESTED = 5;

/** What tracking tells of a dossier (its DossierSummary), as far as this list reads it. */
interface TrackedDossier {
  readonly dossierId: string;
  readonly provisionalDossierId: string | null;
  readonly dossierCode: string | null;
  readonly procedureCode: string | null;
  readonly agencyId: string | null;
  readonly lastEventAt: string;
}

/** Opens another screen of the app the way the tabs do (the shell follows popstate). */
function openScreen(path: string) {
  window.history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/**
 * Việc chờ tại quầy: results to hand over at the counter, the clerk's registrations confirmed by the
 * outbox (their official slip to print), and the dossiers whose agency asked for a supplement (tracking).
 * Reloads when the server says the counter's queue changed.
 */
export function CounterQueueScreen() {
  const { api, outboxItems } = useStaff();
  const results = useQueue('counter', async () => {
    const lists = await Promise.all(
      AT_COUNTER_STATUSES.map(async (status) => dataOf<ReturnList>(await api.returns.GET('/returns', { params: { query: { status, limit: 200 } } }))),
    );
    // Home deliveries wait with the courier, not at the counter.
    return lists.flatMap((list) => list.items).filter((item) => item.deliveryMode === 'COUNTER');
  });

  // Tracking's view of the point's dossiers now in national status 5 (the agency asked for a supplement), the longest waiting first.
  const supplements = useQueue(
    'counter',
    async () => dataOf<{ items: TrackedDossier[] }>(await api.tracking.GET('/dossiers', { params: { query: { nationalStatus: SUPPLEMENT_REQUESTED, limit: 200 } } })).items,
    { settleMs: TRACKING_SETTLE_MS },
  );

  const registrations = outboxItems.filter((item) => item.kind === 'register-dossier' && item.state !== 'failed');
  // Confirmed only after a wait (offline, service down): the applicant left with a provisional receipt, so the official slip still has to be printed.
  const confirmedLate = (item: OutboxItem) => item.state === 'done' && item.attempts > 1;
  const confirmed = registrations.filter((item) => item.state === 'done').sort((a, b) => Number(confirmedLate(b)) - Number(confirmedLate(a)) || b.updatedAt - a.updatedAt);
  const unconfirmed = registrations.filter((item) => item.state !== 'done');

  return (
    <>
      <section className="panel" aria-labelledby="queue-registrations-title">
        <h2 id="queue-registrations-title">Hồ sơ đã đăng ký qua Hộp thư đi — in phiếu gửi ({confirmed.length})</h2>
        {unconfirmed.length > 0 && (
          <Notice kind="info">
            {unconfirmed.length} hồ sơ đang chờ hệ thống xác nhận (mất mạng): {unconfirmed.map((item) => receiptOf(item)?.applicantName ?? item.label).join(', ')}. Phiếu gửi chính thức in được sau khi xác nhận.
          </Notice>
        )}
        {confirmed.length === 0 ? (
          <p className="empty">Không có hồ sơ nào chờ in phiếu.</p>
        ) : (
          <table className="table" data-testid="confirmed-registrations">
            <thead>
              <tr>
                <th scope="col">Người nộp</th>
                <th scope="col">Mã hồ sơ tạm / S10</th>
                <th scope="col">Xác nhận lúc</th>
                <th scope="col">Phiếu</th>
              </tr>
            </thead>
            <tbody>
              {confirmed.map((item) => {
                const dossier = item.response?.body as Dossier;
                return (
                  <tr key={item.id}>
                    <td>
                      {receiptOf(item)?.applicantName ?? item.label}
                      <div className="muted">{dossier.procedure?.name}</div>
                      {confirmedLate(item) && <span className="badge badge-warn">Đăng ký khi mất mạng — cần in phiếu chính thức</span>}
                    </td>
                    <td>
                      {dossier.provisionalDossierId}
                      <div className="muted">{dossier.postalItemId ?? '—'}</div>
                    </td>
                    <td>{formatInstant(new Date(item.updatedAt).toISOString())}</td>
                    <td>
                      <DossierSlip target={dossier} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>

      <section className="panel" aria-labelledby="queue-results-title" aria-busy={results.loading}>
        <h2 id="queue-results-title">Kết quả chờ trả tại quầy{results.data ? ` (${results.data.length})` : ''}</h2>
        {results.error && <Notice kind="error">{results.error}</Notice>}
        {!results.data && results.loading && <p role="status">Đang tải…</p>}
        {results.data && results.data.length === 0 && <p className="empty">Không có kết quả nào chờ trả tại quầy.</p>}
        {results.data && results.data.length > 0 && <CounterResults items={results.data} />}
        <div className="actions">
          <button type="button" className="secondary" onClick={() => openScreen('/phat-tra')}>
            Mở màn hình Phát trả kết quả
          </button>
        </div>
      </section>

      <section className="panel" aria-labelledby="queue-supplements-title" aria-busy={supplements.loading}>
        <h2 id="queue-supplements-title">Hồ sơ cơ quan yêu cầu bổ sung{supplements.data ? ` (${supplements.data.length})` : ''}</h2>
        {supplements.error && <Notice kind="error">{supplements.error}</Notice>}
        {!supplements.data && supplements.loading && <p role="status">Đang tải…</p>}
        {supplements.data && supplements.data.length === 0 && <p className="empty">Không có hồ sơ nào chờ bổ sung.</p>}
        {supplements.data && supplements.data.length > 0 && (
          <table className="table" data-testid="counter-supplements">
            <thead>
              <tr>
                <th scope="col">Mã hồ sơ tạm / mã hồ sơ</th>
                <th scope="col">Thủ tục</th>
                <th scope="col">Cơ quan</th>
                <th scope="col">Yêu cầu lúc</th>
                <th scope="col">
                  <span className="visually-hidden">Thao tác</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {supplements.data.map((dossier) => (
                <tr key={dossier.dossierId}>
                  <td>
                    {dossier.provisionalDossierId ?? '—'}
                    <div className="muted">{dossier.dossierCode ?? ''}</div>
                  </td>
                  <td>{dossier.procedureCode ?? '—'}</td>
                  <td>{dossier.agencyId ?? '—'}</td>
                  <td>{formatInstant(dossier.lastEventAt)}</td>
                  <td>
                    {dossier.provisionalDossierId && (
                      <button type="button" className="secondary" onClick={() => openScreen(`/tra-cuu?ma=${encodeURIComponent(dossier.provisionalDossierId!)}`)}>
                        Mở hồ sơ<span className="visually-hidden"> {dossier.provisionalDossierId}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="muted">Khi người nộp mang giấy tờ bổ sung đến, mở hồ sơ và chọn “Ghi nhận đã bổ sung hồ sơ”.</p>
      </section>
    </>
  );
}

function CounterResults({ items }: { items: readonly ReturnItem[] }) {
  return (
    <table className="table" data-testid="counter-results">
      <thead>
        <tr>
          <th scope="col">Số hiệu bưu gửi</th>
          <th scope="col">Tình trạng</th>
          <th scope="col">Hạn trả</th>
          <th scope="col">Thu khi trả</th>
          <th scope="col">Giấy tờ thu lại</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.dossierId}>
            <td>
              {item.s10ItemId ?? '—'}
              <div className="muted">{item.returnedItem === 'REFUSAL_SLIP' ? 'Văn bản từ chối' : 'Kết quả giải quyết'}</div>
            </td>
            <td>
              {RETURN_STATUS_VI[item.status] ?? item.status}
              {item.invitations.length > 0 && <div className="muted">Đã báo {item.invitations.length} lần, lần cuối {formatInstant(item.invitations[item.invitations.length - 1])}</div>}
            </td>
            <td>{item.deadline ? formatDay(item.deadline.dueDate) : '—'}</td>
            <td>{item.feesToCollect ? formatVnd(item.feesToCollect) : 'Không'}</td>
            <td>{item.documentsToTakeBack.length === 0 ? 'Không' : item.documentsToTakeBack.map((doc) => `${doc.title ?? doc.documentCode} (${doc.count})`).join('; ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
