import { formatDay } from '../ui/format';
import { LEG_STATUS_TEXT, type LegView } from './courier-views';

/** The legs leaving this postal point, the most urgent (earliest J+n due date) first. */
export function LegsPanel({ legs, error, loading, inRun, onAddToRun }: { legs: readonly LegView[] | undefined; error?: string; loading: boolean; inRun: readonly string[]; onAddToRun: (s10ItemId: string) => void }) {
  return (
    <section className="panel" aria-labelledby="legs-title" aria-busy={loading}>
      <h2 id="legs-title">Chặng chuyển hồ sơ đến cơ quan</h2>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!legs ? (
        <p className="muted">Đang tải…</p>
      ) : legs.length === 0 ? (
        <p className="empty">Không có chặng chuyển nào đang mở.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Số hiệu</th>
              <th scope="col">Hồ sơ</th>
              <th scope="col">Cơ quan</th>
              <th scope="col">Trạng thái</th>
              <th scope="col">Hạn chuyển</th>
              <th scope="col">
                <span className="visually-hidden">Thao tác</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {legs.map((leg) => (
              <tr key={leg.legId}>
                <td style={{ fontFamily: 'monospace' }}>{leg.s10ItemId}</td>
                <td>
                  {leg.provisionalDossierId}
                  <div className="muted">Thủ tục {leg.procedureCode}</div>
                </td>
                <td>{leg.agencyId}</td>
                <td>{LEG_STATUS_TEXT[leg.status] ?? leg.status}</td>
                <td>
                  {formatDay(leg.deadline.dueDate)}
                  {leg.late && (
                    <>
                      {' '}
                      <span className="badge badge-failed">Trễ hạn</span>
                    </>
                  )}
                </td>
                <td>
                  <button type="button" className="secondary" disabled={inRun.includes(leg.s10ItemId)} onClick={() => onAddToRun(leg.s10ItemId)} aria-label={`Thêm ${leg.s10ItemId} vào danh sách quét`}>
                    {inRun.includes(leg.s10ItemId) ? 'Đã trong danh sách' : 'Thêm vào danh sách'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
