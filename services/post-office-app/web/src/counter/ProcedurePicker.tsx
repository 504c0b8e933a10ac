import { useId, useState } from 'react';
import type { EligibleProcedure } from './counter-views';
import { fold } from './registration-rules';

/** Every typed word must appear in the code, name, sector or agency, accents and case ignored. */
function matches(procedure: EligibleProcedure, query: string): boolean {
  const words = fold(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold(`${procedure.code} ${procedure.name} ${procedure.sector} ${procedure.agency.name}`);
  return words.every((word) => haystack.includes(word));
}

/** The procedures the point may take in today, filtered as the clerk types; one button per procedure. */
export function ProcedurePicker({
  procedures,
  selected,
  onSelect,
}: {
  procedures: readonly EligibleProcedure[];
  selected: EligibleProcedure | undefined;
  onSelect: (procedure: EligibleProcedure) => void;
}) {
  const [query, setQuery] = useState('');
  const id = useId();
  const shown = procedures.filter((procedure) => matches(procedure, query));
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>1. Chọn thủ tục</h2>
      <div className="field">
        <label htmlFor={`${id}-search`}>Tìm thủ tục (tên hoặc mã)</label>
        <input
          id={`${id}-search`}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder="ví dụ: ly lich tu phap hoặc 2.000488"
          aria-describedby={`${id}-count`}
          autoComplete="off"
        />
        <small id={`${id}-count`} className="muted" aria-live="polite">
          {shown.length} / {procedures.length} thủ tục
        </small>
      </div>
      {shown.length === 0 ? (
        <p className="empty">Không có thủ tục nào khớp. Thử bỏ bớt từ hoặc tìm theo mã thủ tục.</p>
      ) : (
        <ul className="procedure-list" aria-label="Thủ tục tiếp nhận được" style={{ listStyle: 'none', padding: 0, margin: 0, maxHeight: '40vh', overflowY: 'auto' }}>
          {shown.map((procedure) => {
            const isSelected = selected?.code === procedure.code;
            return (
              <li key={procedure.code} style={{ marginBottom: '0.35rem' }}>
                <button
                  type="button"
                  className={isSelected ? undefined : 'secondary'}
                  aria-pressed={isSelected}
                  onClick={() => onSelect(procedure)}
                  style={{ width: '100%', textAlign: 'left' }}
                >
                  <strong>{procedure.code}</strong> — {procedure.name}
                  <span className="visually-hidden"> ({procedure.agency.name})</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
