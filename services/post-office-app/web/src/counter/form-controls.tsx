import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { FieldFrame, useFieldIds } from '../ui/Field';

/** A labelled select with its error under it, like ui/Field for inputs. */
export function SelectField({ label, error, hint, children, ...select }: { label: string; error?: string; hint?: string; children: ReactNode } & SelectHTMLAttributes<HTMLSelectElement>) {
  const { id, describedBy } = useFieldIds(error, hint);
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...select}>
        {children}
      </select>
    </FieldFrame>
  );
}

/** A labelled multi-line text with its error under it. */
export function TextAreaField({ label, error, hint, ...area }: { label: string; error?: string; hint?: string } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const { id, describedBy } = useFieldIds(error, hint);
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...area} />
    </FieldFrame>
  );
}

/** A group of radio buttons under a legend (one choice among a few, all visible). */
export function RadioGroup<T extends string | number>({
  legend,
  name,
  value,
  options,
  onChange,
}: {
  legend: string;
  name: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className="field" style={{ border: 'none', padding: 0, margin: '0 0 0.6rem' }}>
      <legend style={{ fontWeight: 600, padding: 0 }}>{legend}</legend>
      {options.map((option) => (
        <label key={String(option.value)} style={{ fontWeight: 400, display: 'flex', gap: '0.4rem', alignItems: 'center' }}>
          <input type="radio" name={name} checked={option.value === value} onChange={() => onChange(option.value)} style={{ width: 'auto' }} />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
