import { Notice } from '../ui/Field';
import { alreadyDone, type ActionOutcome } from './digitization-actions';
import { MISSING_TEXT } from './digitization-text';

/** What became of an action: done, refused (with what is missing when the service lists it), or waiting in the outbox. */
export function ActionMessage({ outcome, done }: { outcome: ActionOutcome | undefined; done: string }) {
  if (!outcome) return null;
  if (outcome.state === 'done' || alreadyDone(outcome)) return <Notice kind="ok">{done}</Notice>;
  if (outcome.state === 'waiting') return <Notice kind="info">{outcome.message}</Notice>;
  const missing = outcome.refusal?.details?.missing;
  return (
    <Notice kind="error">
      <p>{outcome.message}</p>
      {missing && missing.length > 0 && (
        <ul aria-label="Thành phần còn thiếu">
          {missing.map((m) => (
            <li key={`${m.componentCode}-${m.missing}`}>
              {m.title} ({m.componentCode}): {MISSING_TEXT[m.missing]}
            </li>
          ))}
        </ul>
      )}
    </Notice>
  );
}
