import { useId, useState, type FormEvent } from 'react';
import { Field } from '../ui/Field';
import { ActionMessage } from './ActionMessage';
import { certifyAction } from './digitization-actions';
import { CERTIFICATION_TEXT } from './digitization-text';
import type { CertificationKind, DigitizedComponent, DossierDigitization } from './digitization-views';
import { useAction, type DossierUpdates } from './use-action';

/** The service refuses a note carrying 10 digits in a row (a citizen id or phone number must not be kept there). */
const PERSONAL_NUMBER = /\d{10}/;

/** Chứng thực bản sao điện tử: the operator states how the current copy was checked against the paper. */
export function CertifyForm({ dossier, component, updates }: { dossier: DossierDigitization; component: DigitizedComponent; updates: DossierUpdates }) {
  const name = useId();
  const action = useAction(updates);
  const [kind, setKind] = useState<CertificationKind>(component.originals > 0 ? 'ORIGINAL_SIGHTED' : 'COPY_MATCHES_PAPER');
  const [note, setNote] = useState('');
  const noteError = PERSONAL_NUMBER.test(note) ? 'Không ghi số CCCD, số điện thoại vào ghi chú.' : note.length > 2000 ? 'Ghi chú tối đa 2000 ký tự.' : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (noteError) return;
    void action.run(certifyAction(dossier, component, kind, note));
  }

  return (
    <form onSubmit={submit} aria-label={`Chứng thực — ${component.title}`}>
      <fieldset>
        <legend>Hình thức chứng thực</legend>
        {(Object.keys(CERTIFICATION_TEXT) as CertificationKind[]).map((option) => (
          <label key={option} style={{ fontWeight: 'normal', display: 'flex', gap: '0.4rem', alignItems: 'center' }}>
            <input type="radio" name={name} value={option} checked={kind === option} onChange={() => setKind(option)} style={{ width: 'auto' }} /> {CERTIFICATION_TEXT[option]}
          </label>
        ))}
      </fieldset>
      <Field label="Ghi chú chứng thực (không bắt buộc)" value={note} onChange={(event) => setNote(event.currentTarget.value)} error={noteError} maxLength={2000} />
      <div className="actions">
        <button type="submit" disabled={action.busy}>
          Chứng thực
        </button>
      </div>
      <ActionMessage outcome={action.outcome} done="Đã chứng thực bản sao điện tử." />
    </form>
  );
}
