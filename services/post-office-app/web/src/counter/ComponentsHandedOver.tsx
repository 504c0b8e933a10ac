import { DOCUMENT_FORM_VI, type DocumentForm, type EligibleProcedure } from './counter-views';
import type { ComponentEntry } from './registration-form';

/**
 * The checklist as the clerk counts it: tick each document handed over, say whether it is the original or
 * a copy (when the agency accepts both) and how many. Errors come per line ('component.TP2') and for the
 * whole list ('components': a required line missing).
 */
export function ComponentsHandedOver({
  procedure,
  entries,
  errors,
  onChange,
  onLeave,
}: {
  procedure: EligibleProcedure;
  entries: Readonly<Record<string, ComponentEntry>>;
  errors: Record<string, string | undefined>;
  onChange: (code: string, entry: ComponentEntry) => void;
  onLeave: (key: string) => void;
}) {
  return (
    <fieldset style={{ border: 'none', padding: 0, margin: 0 }} aria-describedby={errors.components ? 'components-error' : undefined}>
      <legend style={{ fontWeight: 600, padding: 0 }}>Thành phần hồ sơ người nộp bàn giao</legend>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Đã nhận</th>
            <th scope="col">Loại bản</th>
            <th scope="col">Số lượng</th>
          </tr>
        </thead>
        <tbody>
          {procedure.checklist.map((item) => {
            const entry = entries[item.code] ?? { handedOver: false, kind: item.accepts[0] ?? 'original', count: String(item.count) };
            const error = errors[`component.${item.code}`];
            const errorId = `component-${item.code}-error`;
            return (
              <tr key={item.code} data-component={item.code}>
                <td>
                  <label style={{ fontWeight: 400, display: 'flex', gap: '0.4rem', alignItems: 'flex-start' }}>
                    <input
                      type="checkbox"
                      checked={entry.handedOver}
                      onChange={(event) => onChange(item.code, { ...entry, handedOver: event.target.checked })}
                      onBlur={() => onLeave('components')}
                      style={{ width: 'auto', marginTop: '0.3rem' }}
                    />
                    <span>
                      {item.code}. {item.name}
                      {item.required ? <strong> (bắt buộc)</strong> : <span className="muted"> (không bắt buộc)</span>}
                    </span>
                  </label>
                  {error && (
                    <small id={errorId} className="error">
                      {error}
                    </small>
                  )}
                </td>
                <td>
                  {item.accepts.length > 1 ? (
                    <select
                      aria-label={`Loại bản của ${item.code}`}
                      value={entry.kind}
                      disabled={!entry.handedOver}
                      onChange={(event) => onChange(item.code, { ...entry, kind: event.target.value as DocumentForm })}
                    >
                      {item.accepts.map((kind) => (
                        <option key={kind} value={kind}>
                          {DOCUMENT_FORM_VI[kind]}
                        </option>
                      ))}
                    </select>
                  ) : (
                    DOCUMENT_FORM_VI[entry.kind]
                  )}
                </td>
                <td>
                  <input
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={100}
                    aria-label={`Số lượng ${item.code}`}
                    value={entry.count}
                    disabled={!entry.handedOver}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? errorId : undefined}
                    onChange={(event) => onChange(item.code, { ...entry, count: event.target.value })}
                    onBlur={() => onLeave(`component.${item.code}`)}
                    style={{ maxWidth: '6rem' }}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {errors.components && (
        <p id="components-error" className="error" role="alert">
          {errors.components}
        </p>
      )}
    </fieldset>
  );
}
