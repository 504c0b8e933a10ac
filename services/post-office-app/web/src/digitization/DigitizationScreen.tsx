import { useState } from 'react';
import { dataOf } from '../api/api-error';
import { useQueue, useStaff } from '../app/staff-context';
import { Notice } from '../ui/Field';
import { DigitizationQueueTable } from './DigitizationQueueTable';
import type { DigitizationQueue } from './digitization-views';
import { DossierDigitizationPanel } from './DossierDigitizationPanel';

/** The oldest dossiers first; the service caps a page at 200. */
const QUEUE_LIMIT = 100;

/**
 * Số hoá hồ sơ: the postal point's dossiers still to digitize (reloaded when the server says the
 * digitization queue changed), and the chosen one's components to scan, certify or reuse, then close.
 */
export function DigitizationScreen() {
  const { api } = useStaff();
  const queue = useQueue('digitization', async () =>
    dataOf<DigitizationQueue>(await api.digitization.GET('/queue', { params: { query: { limit: QUEUE_LIMIT } } })),
  );
  const [chosen, setChosen] = useState<string>();

  return (
    <div className="columns">
      <section className="panel" aria-labelledby="digitization-queue-title">
        <div className="row" style={{ justifyContent: 'space-between' }}>
          <h2 id="digitization-queue-title">Hồ sơ chờ số hoá{queue.data ? ` (${queue.data.total})` : ''}</h2>
          <button type="button" className="secondary" onClick={queue.reload} disabled={queue.loading}>
            Tải lại danh sách
          </button>
        </div>
        {queue.error && <Notice kind="error">{queue.error}</Notice>}
        {queue.loading && !queue.data && <p className="muted">Đang tải danh sách…</p>}
        {queue.data && <DigitizationQueueTable entries={queue.data.items} chosen={chosen} onChoose={setChosen} />}
        {queue.data && queue.data.total > queue.data.items.length && (
          <p className="muted">
            Đang hiện {queue.data.items.length} hồ sơ cũ nhất trong {queue.data.total} hồ sơ chờ.
          </p>
        )}
      </section>
      <section className="panel" aria-labelledby="digitization-dossier-title">
        {chosen ? (
          // Keyed by dossier: a new choice starts its own load and forgets the previous one's forms.
          <DossierDigitizationPanel key={chosen} dossierId={chosen} onClose={() => setChosen(undefined)} />
        ) : (
          <>
            <h2 id="digitization-dossier-title">Số hoá hồ sơ</h2>
            <p className="empty">Chọn một hồ sơ trong danh sách chờ để số hoá.</p>
          </>
        )}
      </section>
    </div>
  );
}
