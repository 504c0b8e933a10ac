import { formatInstant } from '../ui/format';
import type { QueueEntry } from './digitization-views';

/** One row per dossier waiting, oldest first; the provisional id is what the paper file carries. */
export function DigitizationQueueTable({ entries, chosen, onChoose }: { entries: readonly QueueEntry[]; chosen: string | undefined; onChoose: (dossierId: string) => void }) {
  if (entries.length === 0) return <p className="empty">Không còn hồ sơ nào chờ số hoá.</p>;
  return (
    <table className="table" data-testid="digitization-queue">
      <caption className="visually-hidden">Hồ sơ chờ số hoá, cũ nhất trước</caption>
      <thead>
        <tr>
          <th scope="col">Mã hồ sơ tạm</th>
          <th scope="col">Tiếp nhận lúc</th>
          <th scope="col">Tiến độ</th>
          <th scope="col">
            <span className="visually-hidden">Chọn</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => {
          const done = entry.components.filter((c) => c.digitized).length;
          const isChosen = entry.dossierId === chosen;
          return (
            <tr key={entry.dossierId} aria-current={isChosen ? 'true' : undefined}>
              <th scope="row">
                {entry.provisionalDossierId}
                <div className="muted">Thủ tục {entry.procedureCode}</div>
              </th>
              <td>{formatInstant(entry.registeredAt)}</td>
              <td>
                {done}/{entry.components.length} đã quét
                {entry.missing.length > 0 && <div className="muted">Còn thiếu {entry.missing.length}</div>}
              </td>
              <td>
                <button type="button" className={isChosen ? undefined : 'secondary'} aria-pressed={isChosen} onClick={() => onChoose(entry.dossierId)}>
                  Chọn<span className="visually-hidden"> hồ sơ {entry.provisionalDossierId}</span>
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
