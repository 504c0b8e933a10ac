import { useStaff } from '../app/staff-context';
import type { OutboxItem, OutboxState } from './outbox-item';

const STATE_TEXT: Readonly<Record<OutboxState, string>> = {
  waiting: 'Chờ gửi',
  sending: 'Đang gửi',
  done: 'Đã gửi',
  failed: 'Bị từ chối',
};

const time = (ms: number) => new Date(ms).toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** Every action of this person not yet confirmed, and those confirmed today: state, attempts, and why. */
export function OutboxScreen() {
  const { outbox, outboxItems } = useStaff();
  const newestFirst = [...outboxItems].reverse();
  return (
    <section aria-labelledby="outbox-title">
      <h2 id="outbox-title" className="visually-hidden">
        Hộp thư đi
      </h2>
      <p>
        Mọi thao tác được lưu trên máy này trước khi gửi. Khi mất mạng, chúng chờ ở đây và tự gửi khi có mạng trở lại; mỗi thao tác mang một mã chống trùng nên không bao giờ
        được ghi hai lần.
      </p>
      {newestFirst.length === 0 ? (
        <p className="empty">Hộp thư đi trống.</p>
      ) : (
        <table className="table" data-testid="outbox-table">
          <thead>
            <tr>
              <th scope="col">Thao tác</th>
              <th scope="col">Trạng thái</th>
              <th scope="col">Lần gửi</th>
              <th scope="col">Ghi chú</th>
              <th scope="col">
                <span className="visually-hidden">Xử lý</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {newestFirst.map((item) => (
              <OutboxRow key={item.id} item={item} onRetry={() => void outbox.retryNow(item.id)} onDiscard={() => void outbox.discard(item.id)} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function OutboxRow({ item, onRetry, onDiscard }: { item: OutboxItem; onRetry: () => void; onDiscard: () => void }) {
  return (
    <tr data-state={item.state}>
      <td>
        {item.label}
        <div className="muted">lúc {time(item.createdAt)}</div>
      </td>
      <td>
        <span className={`badge badge-${item.state}`}>{STATE_TEXT[item.state]}</span>
      </td>
      <td>{item.attempts}</td>
      <td>
        {item.lastError ?? (item.state === 'done' ? `Xác nhận lúc ${time(item.updatedAt)}` : '')}
        {item.state === 'waiting' && item.attempts > 0 && <div className="muted">Lần thử tiếp: {time(item.nextAttemptAt)}</div>}
      </td>
      <td className="actions">
        {(item.state === 'waiting' || item.state === 'failed') && (
          <button type="button" onClick={onRetry}>
            Gửi lại ngay
          </button>
        )}
        {(item.state === 'failed' || item.state === 'done') && (
          <button type="button" className="secondary" onClick={onDiscard}>
            {item.state === 'failed' ? 'Bỏ thao tác này' : 'Xoá khỏi danh sách'}
          </button>
        )}
      </td>
    </tr>
  );
}
