import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

/** The ids a labelled control needs: its own, and what describes it (hint, error) for screen readers. */
export function useFieldIds(error?: string, hint?: string): { id: string; describedBy: string | undefined } {
  const id = useId();
  return { id, describedBy: [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined };
}

/** What every labelled control shares: the label, the control, its hint and its error right under it. */
export function FieldFrame({ id, label, error, hint, children }: { id: string; label: string; error?: string; hint?: string; children: ReactNode }) {
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <small id={`${id}-hint`} className="muted">
          {hint}
        </small>
      )}
      {error && (
        <small id={`${id}-error`} className="error">
          {error}
        </small>
      )}
    </div>
  );
}

/** A labelled input with its error right under it (read out by screen readers with the input). */
export function Field({ label, error, hint, ...input }: { label: string; error?: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const { id, describedBy } = useFieldIds(error, hint);
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
    </FieldFrame>
  );
}

/** A message box: role=alert for errors (read at once), status for the rest. */
export function Notice({ kind, children }: { kind: 'error' | 'ok' | 'info'; children: React.ReactNode }) {
  return (
    <div role={kind === 'error' ? 'alert' : 'status'} className={`notice notice-${kind}`}>
      {children}
    </div>
  );
}
