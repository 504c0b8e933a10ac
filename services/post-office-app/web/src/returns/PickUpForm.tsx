import { useState } from 'react';
import { Field, Notice } from '../ui/Field';
import type { ReturnView } from './returns-views';
import { useReturnStep } from './use-return-step';

/** The courier took the result at the agency (result-picked-up-at-agency): the return starts travelling. */
export function PickUpForm({ ret, onDone }: { ret: ReturnView; onDone: (doneText: string) => void }) {
  const { busy, outcome, run } = useReturnStep(ret.dossierId, onDone);
  const [count, setCount] = useState('1');
  const [error, setError] = useState<string>();
  const submit = () => {
    const itemsCount = Number(count);
    if (!Number.isInteger(itemsCount) || itemsCount < 1 || itemsCount > 100) return setError('Số bưu gửi từ 1 đến 100.');
    setError(undefined);
    void run({
      kind: 'return-pickup',
      label: `Nhận kết quả tại cơ quan — ${ret.s10ItemId ?? ret.dossierId}`,
      step: 'pickup',
      json: { pickedUpAt: new Date().toISOString(), itemsCount },
      doneText: 'Đã ghi nhận nhận kết quả tại cơ quan.',
    });
  };
  return (
    <section aria-labelledby={`pickup-${ret.dossierId}`}>
      <h3 id={`pickup-${ret.dossierId}`}>Nhận kết quả tại cơ quan</h3>
      <Field label="Số bưu gửi nhận" inputMode="numeric" value={count} error={error} onChange={(event) => setCount(event.target.value.trim())} />
      {outcome && <Notice kind={outcome.kind}>{outcome.text}</Notice>}
      <button type="button" onClick={submit} disabled={busy}>
        Đã nhận kết quả tại cơ quan
      </button>
    </section>
  );
}
