import { useState } from 'react';
import { useStaff } from '../app/staff-context';
import type { NewAction } from '../outbox/outbox';
import { alreadyDone, runAction, type ActionOutcome } from './digitization-actions';
import type { DossierDigitization } from './digitization-views';

/** How a form hands the service's answer back to the dossier it shows. */
export interface DossierUpdates {
  /** The dossier as the service answered an action (every action answers the whole view). */
  readonly onView: (view: DossierDigitization) => void;
  /** Read the dossier again (the action was already applied earlier, or it may have changed). */
  readonly reload: () => void;
}

/** One form's action: sends it through the outbox, remembers what became of it, updates the dossier. */
export function useAction(updates: DossierUpdates) {
  const { outbox } = useStaff();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ActionOutcome>();

  async function run(action: NewAction): Promise<ActionOutcome> {
    setBusy(true);
    setOutcome(undefined);
    let result: ActionOutcome;
    try {
      result = await runAction(outbox, action);
    } catch {
      // Only the browser's own storage can fail here (the outbox never throws for the network).
      result = { state: 'failed', message: 'Không lưu được thao tác trên máy này (bộ nhớ trình duyệt). Tải lại trang rồi thử lại.' };
    }
    setOutcome(result);
    setBusy(false);
    if (result.state === 'done') updates.onView(result.view);
    else if (alreadyDone(result)) updates.reload();
    return result;
  }

  return { busy, outcome, run, clear: () => setOutcome(undefined) };
}
