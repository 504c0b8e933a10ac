import { useRef, useState } from 'react';
import { useStaff } from '../app/staff-context';
import { Notice } from '../ui/Field';
import { formatInstant } from '../ui/format';
import type { Dossier, TimelineEntry } from './counter-views';
import { RadioGroup } from './form-controls';

type SubmissionChannel = 'POSTAL' | 'IN_PERSON' | 'ONLINE';

const CHANNELS: readonly { value: SubmissionChannel; label: string }[] = [
  { value: 'POSTAL', label: 'Người nộp bổ sung tại bưu cục này' },
  { value: 'IN_PERSON', label: 'Người nộp đã bổ sung trực tiếp tại cơ quan' },
  { value: 'ONLINE', label: 'Người nộp đã bổ sung trực tuyến' },
];

/** What the agency asked for, from its latest supplement-requested event on the timeline. */
export interface SupplementRequest {
  readonly requestedAt: string;
  readonly reason: string;
  readonly components: readonly { readonly componentCode: string; readonly title?: string; readonly note?: string }[];
}

export function supplementRequestOf(entries: readonly TimelineEntry[]): SupplementRequest | undefined {
  const entry = [...entries].reverse().find((candidate) => candidate.eventType.includes('.supplement-requested.'));
  if (!entry) return undefined;
  const data = entry.data as { requestedAt?: string; reason?: string; requestedComponents?: SupplementRequest['components'] };
  return { requestedAt: data.requestedAt ?? entry.eventTime, reason: data.reason ?? '', components: data.requestedComponents ?? [] };
}

/**
 * The clerk records that the supplement the agency asked for is complete: a new legal filing time, and
 * the agency's clock restarts from zero (agency-gateway's CompleteSupplementUseCase). Confirmed in two steps.
 */
export function SupplementCompletionForm({
  dossier,
  request,
  onClose,
  onDone,
}: {
  dossier: Dossier;
  request: SupplementRequest | undefined;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { outbox } = useStaff();
  const [channel, setChannel] = useState<SubmissionChannel>('POSTAL');
  const [confirming, setConfirming] = useState(false);
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const sendingRef = useRef(false);

  async function confirm() {
    if (sendingRef.current) return;
    sendingRef.current = true;
    setSending(true);
    setRefusal(undefined);
    try {
      // POST /dossiers/{id}/supplement-completion honours the Idempotency-Key: it becomes the command id, and a
      // replay is answered with the first outcome (replayed: true) without a second event.
      const item = await outbox.submit({
        kind: 'complete-supplement',
        label: `Bổ sung hồ sơ ${dossier.provisionalDossierId}`,
        request: { service: 'agency-gateway', method: 'POST', path: `/dossiers/${encodeURIComponent(dossier.id)}/supplement-completion`, json: { submissionChannel: channel } },
        context: { dossierId: dossier.id },
      });
      if (item.state === 'failed') {
        setRefusal(item.lastError);
        await outbox.discard(item.id); // shown here, next to the form
        return;
      }
      onDone(
        item.state === 'waiting'
          ? `Xác nhận bổ sung hồ sơ ${dossier.provisionalDossierId} đang chờ trong Hộp thư đi và sẽ tự gửi khi có mạng.`
          : `Đã ghi nhận hồ sơ ${dossier.provisionalDossierId} được bổ sung đầy đủ; cơ quan tính lại thời hạn giải quyết từ hôm nay.`,
      );
    } finally {
      sendingRef.current = false;
      setSending(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="supplement-title">
      <h3 id="supplement-title">Bổ sung hồ sơ {dossier.provisionalDossierId}</h3>
      {request && <SupplementRequestDetails request={request} />}
      {refusal && <Notice kind="error">{refusal}</Notice>}
      {!confirming ? (
        <>
          <RadioGroup legend="Người nộp bổ sung qua" name={`supplement-channel-${dossier.id}`} value={channel} options={CHANNELS} onChange={setChannel} />
          <div className="actions">
            <button type="button" onClick={() => setConfirming(true)}>
              Tiếp tục
            </button>
            <button type="button" className="secondary" onClick={onClose}>
              Huỷ
            </button>
          </div>
        </>
      ) : (
        <div role="alertdialog" aria-labelledby="supplement-confirm-title">
          <p id="supplement-confirm-title">
            <strong>Xác nhận hồ sơ {dossier.provisionalDossierId} đã được bổ sung đầy đủ theo yêu cầu của cơ quan?</strong> Thời hạn giải quyết sẽ được tính lại từ đầu.
          </p>
          <div className="actions">
            <button type="button" onClick={() => void confirm()} disabled={sending} aria-busy={sending}>
              Xác nhận đã bổ sung
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)} disabled={sending}>
              Quay lại
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

export function SupplementRequestDetails({ request }: { request: SupplementRequest }) {
  return (
    <div>
      <p>
        Cơ quan yêu cầu bổ sung lúc {formatInstant(request.requestedAt)}
        {request.reason ? `: ${request.reason}` : '.'}
      </p>
      {request.components.length > 0 && (
        <ul>
          {request.components.map((component) => (
            <li key={component.componentCode}>
              {component.title ?? component.componentCode}
              {component.note ? ` — ${component.note}` : ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
