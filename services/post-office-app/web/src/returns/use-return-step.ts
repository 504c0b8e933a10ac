import { useState } from 'react';
import { useStaff } from '../app/staff-context';

export interface StepOutcome {
  readonly kind: 'ok' | 'error' | 'info';
  readonly text: string;
}

export interface ReturnStep {
  /** Outbox kind: 'return-pickup', 'delivery-attempt', 'delivery', 'counter-notice', 'return-to-agency'. */
  readonly kind: string;
  readonly label: string;
  /** The path under /returns/{dossierId}/. */
  readonly step: 'pickup' | 'attempts' | 'delivery' | 'counter-notice' | 'return-to-agency';
  readonly json: Record<string, unknown>;
  readonly doneText: string;
  readonly context?: Record<string, unknown>;
}

/**
 * One step on a dossier's return, sent through the outbox. Every POST /returns/{id}/… of the returns
 * service honours the Idempotency-Key (ReturnCommandRunner stores the first answer under it), so the
 * outbox's resends never record an attempt or a delivery twice. `onDone` reloads the list: not every
 * step is announced on the live stream (the pick-up is not).
 */
export function useReturnStep(dossierId: string, onDone: (doneText: string) => void) {
  const { outbox } = useStaff();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<StepOutcome>();
  const run = async (step: ReturnStep): Promise<boolean> => {
    setBusy(true);
    setOutcome(undefined);
    try {
      const item = await outbox.submit({
        kind: step.kind,
        label: step.label,
        request: { service: 'returns', method: 'POST', path: `/returns/${dossierId}/${step.step}`, json: step.json },
        context: { dossierId, ...step.context },
      });
      if (item.state === 'done') {
        setOutcome({ kind: 'ok', text: step.doneText });
        onDone(step.doneText);
        return true;
      }
      if (item.state === 'failed') {
        setOutcome({ kind: 'error', text: item.lastError ?? 'Hệ thống từ chối thao tác.' });
        return false;
      }
      setOutcome({ kind: 'info', text: 'Chưa gửi được: thao tác đang chờ trong Hộp thư đi và sẽ tự gửi khi có mạng.' });
      return true;
    } finally {
      setBusy(false);
    }
  };
  return { busy, outcome, run };
}
