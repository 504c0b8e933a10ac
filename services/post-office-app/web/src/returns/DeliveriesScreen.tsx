import { useState } from 'react';
import { dataOf } from '../api/api-error';
import { useQueue, useStaff } from '../app/staff-context';
import { Notice } from '../ui/Field';
import { formatDay } from '../ui/format';
import { DeliveryDetail } from './DeliveryDetail';
import { ACTIVE_STATUSES, RETURN_STATUS_TEXT, type ReturnView } from './returns-views';

/** A page per status holds a postal point's day of returns (the service caps a page at 200). */
const PAGE = 200;

/**
 * The day's returns of this postal point: every result still travelling (to pick up at the agency, to
 * deliver, invited, at the counter), the earliest due date first; the chosen one with its steps.
 */
export function DeliveriesScreen() {
  const { api } = useStaff();
  const returns = useQueue('returns', async () => {
    // One read per active status: the list endpoint filters on one status at a time.
    const pages = await Promise.all(
      ACTIVE_STATUSES.map(async (status) => dataOf<{ items: ReturnView[] }>(await api.returns.GET('/returns', { params: { query: { status, limit: PAGE } } })).items),
    );
    return pages.flat().sort((a, b) => (a.deadline?.dueDate ?? '9999').localeCompare(b.deadline?.dueDate ?? '9999'));
  });
  const [chosenId, setChosenId] = useState<string>();
  const [done, setDone] = useState<string>();
  const list = returns.data ?? [];
  const chosen = list.find((ret) => ret.dossierId === chosenId) ?? list[0];

  return (
    <div className="columns">
      <section className="panel" aria-labelledby="deliveries-title" aria-busy={returns.loading}>
        <h2 id="deliveries-title">Bưu gửi cần phát trả ({list.length})</h2>
        {returns.error && <Notice kind="error">{returns.error}</Notice>}
        {done && <Notice kind="ok">{done}</Notice>}
        {!returns.data ? (
          <p className="muted">Đang tải…</p>
        ) : list.length === 0 ? (
          <p className="empty">Không có kết quả nào cần phát trả.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Số hiệu</th>
                <th scope="col">Trạng thái</th>
                <th scope="col">Hạn</th>
              </tr>
            </thead>
            <tbody>
              {list.map((ret) => (
                <tr key={ret.dossierId} aria-current={ret === chosen ? 'true' : undefined}>
                  <td>
                    <button type="button" className="link-button" aria-pressed={ret === chosen} onClick={() => setChosenId(ret.dossierId)} style={{ fontFamily: 'monospace' }}>
                      {ret.s10ItemId ?? ret.dossierId.slice(0, 8)}
                    </button>
                    <div className="muted">{ret.deliveryMode === 'COUNTER' ? 'Nhận tại quầy' : 'Phát tận nơi'}</div>
                  </td>
                  <td>
                    {RETURN_STATUS_TEXT[ret.status] ?? ret.status}
                    {ret.invitations.length > 0 && <div className="muted">{ret.invitations.length} lần mời</div>}
                  </td>
                  <td>{formatDay(ret.deadline?.dueDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <div>
        {chosen && (
          <DeliveryDetail
            key={chosen.dossierId}
            ret={chosen}
            onDone={(text) => {
              setDone(text);
              returns.reload();
            }}
          />
        )}
      </div>
    </div>
  );
}
