import { useState } from 'react';
import { dataOf } from '../api/api-error';
import { useQueue, useStaff } from '../app/staff-context';
import { Notice } from '../ui/Field';
import { formatDay, formatInstant } from '../ui/format';
import { ClosingForms } from './ClosingForms';
import { ComponentPanel } from './ComponentPanel';
import { STATUS_TEXT } from './digitization-text';
import type { DossierDigitization } from './digitization-views';
import type { DossierUpdates } from './use-action';

/**
 * One dossier's digitization: reloaded whenever the digitization queue changes (its own actions
 * included), and updated at once from each action's answer, whichever is newer.
 */
export function DossierDigitizationPanel({ dossierId, onClose }: { dossierId: string; onClose: () => void }) {
  const { api } = useStaff();
  const loaded = useQueue('digitization', async () =>
    dataOf<DossierDigitization>(await api.digitization.GET('/dossiers/{dossierId}/digitization', { params: { path: { dossierId } } })),
  );
  // An action's answer holds until the next load arrives (derived, no effect): `over` is the load it answered.
  const [answer, setAnswer] = useState<{ view: DossierDigitization; over: DossierDigitization | undefined }>();
  const dossier = answer && answer.over === loaded.data ? answer.view : loaded.data;
  const updates: DossierUpdates = { onView: (view) => setAnswer({ view, over: loaded.data }), reload: loaded.reload };

  if (!dossier) {
    return (
      <>
        <h2 id="digitization-dossier-title">Số hoá hồ sơ</h2>
        {loaded.error ? <Notice kind="error">{loaded.error}</Notice> : <p className="muted">Đang tải hồ sơ…</p>}
        <button type="button" className="secondary" onClick={onClose}>
          Đóng
        </button>
      </>
    );
  }

  const writable = dossier.status === 'OPEN' || dossier.status === 'CLOSED_INCOMPLETE';
  return (
    <>
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2 id="digitization-dossier-title">Hồ sơ {dossier.provisionalDossierId}</h2>
        <button type="button" className="secondary" onClick={onClose}>
          Đóng hồ sơ này
        </button>
      </div>
      <p>
        Thủ tục {dossier.procedureCode} · tiếp nhận ngày {formatDay(dossier.intakeDay)} ·{' '}
        <span className={`badge ${dossier.status === 'DIGITIZED' ? 'badge-ok' : 'badge-warn'}`}>{STATUS_TEXT[dossier.status]}</span>
      </p>
      {dossier.status === 'DIGITIZED' && <Notice kind="ok">Hồ sơ đã số hoá đầy đủ lúc {formatInstant(dossier.completedAt)} và đã khoá.</Notice>}
      {dossier.status === 'WITHDRAWN' && <Notice kind="info">Công dân đã rút hồ sơ: không số hoá tiếp.</Notice>}
      {dossier.status === 'CLOSED_INCOMPLETE' && (
        <Notice kind="info">
          Đã đóng lúc {formatInstant(dossier.closedAt)} với lý do: {dossier.closedReason}. Tải bản quét còn thiếu sẽ mở lại việc số hoá.
        </Notice>
      )}
      {loaded.error && <Notice kind="error">{loaded.error}</Notice>}
      {dossier.components.length === 0 && <p className="empty">Hồ sơ chỉ đăng ký nhận kết quả qua bưu chính, không có thành phần để số hoá.</p>}
      {dossier.components.map((component) => (
        <ComponentPanel key={component.componentId} dossier={dossier} component={component} writable={writable} updates={updates} />
      ))}
      {writable && dossier.components.length > 0 && <ClosingForms dossier={dossier} updates={updates} />}
    </>
  );
}
