import { useState, type FormEvent } from 'react';
import { Field } from '../ui/Field';
import { ActionMessage } from './ActionMessage';
import { closeIncompleteAction, completeAction } from './digitization-actions';
import { MISSING_TEXT } from './digitization-text';
import type { DossierDigitization } from './digitization-views';
import { useAction, type DossierUpdates } from './use-action';

const PERSONAL_NUMBER = /\d{10}/;

/**
 * Closing the digitization: complete (the service checks the checklist and answers 422 with what is
 * missing), or incomplete with a reason when the citizen lacks a paper. The complete button stays
 * usable while something is missing so the service's own list is what the operator reads.
 */
export function ClosingForms({ dossier, updates }: { dossier: DossierDigitization; updates: DossierUpdates }) {
  const complete = useAction(updates);
  const incomplete = useAction(updates);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();

  function closeIncomplete(event: FormEvent) {
    event.preventDefault();
    const problem = !reason.trim()
      ? 'Phải ghi lý do đóng hồ sơ.'
      : PERSONAL_NUMBER.test(reason)
        ? 'Không ghi số CCCD, số điện thoại vào lý do.'
        : reason.length > 2000
          ? 'Lý do tối đa 2000 ký tự.'
          : undefined;
    setReasonError(problem);
    if (!problem) void incomplete.run(closeIncompleteAction(dossier, reason));
  }

  return (
    <section className="panel" aria-labelledby="digitization-closing-title">
      <h3 id="digitization-closing-title">Kết thúc số hoá</h3>
      {dossier.missing.length > 0 ? (
        <div>
          <p>Còn thiếu:</p>
          <ul>
            {dossier.missing.map((m) => (
              <li key={`${m.componentCode}-${m.missing}`}>
                {m.title}: {MISSING_TEXT[m.missing]}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p>Đã đủ mọi thành phần bắt buộc.</p>
      )}
      <div className="actions">
        <button type="button" disabled={complete.busy} onClick={() => void complete.run(completeAction(dossier))}>
          Hoàn tất số hoá
        </button>
      </div>
      <ActionMessage outcome={complete.outcome} done="Đã hoàn tất số hoá hồ sơ." />
      {dossier.status === 'OPEN' && dossier.missing.length > 0 && (
        <form onSubmit={closeIncomplete} aria-label="Đóng hồ sơ khi số hoá chưa đầy đủ" noValidate>
          <Field label="Lý do số hoá chưa đầy đủ" value={reason} onChange={(event) => setReason(event.currentTarget.value)} error={reasonError} maxLength={2000} />
          <div className="actions">
            <button type="submit" className="secondary" disabled={incomplete.busy}>
              Số hoá chưa đầy đủ
            </button>
          </div>
        </form>
      )}
      <ActionMessage outcome={incomplete.outcome} done="Đã đóng hồ sơ với trạng thái số hoá chưa đầy đủ." />
    </section>
  );
}
