import { useId, useState, type FormEvent } from 'react';
import { Field } from '../ui/Field';
import { ActionMessage } from './ActionMessage';
import { reuseAction, type ReuseInput } from './digitization-actions';
import { REUSE_SOURCE_TEXT } from './digitization-text';
import type { DigitizedComponent, DossierDigitization, ReuseSourceKind } from './digitization-views';
import { useAction, type DossierUpdates } from './use-action';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HASH = /^(sha256:)?[0-9a-f]{64}$/;
const COMPONENT_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The same checks as the service's ReuseDocumentRequest, in the words the operator reads. */
function problemsOf(input: ReuseInput): Partial<Record<keyof ReuseInput, string>> {
  const problems: Partial<Record<keyof ReuseInput, string>> = {};
  if (!UUID.test(input.sourceRef.trim())) problems.sourceRef = 'Nhập mã định danh dạng UUID (36 ký tự).';
  const code = input.sourceComponentCode.trim();
  const hash = input.contentHash.trim();
  if (code && !COMPONENT_CODE.test(code)) problems.sourceComponentCode = 'Mã thành phần không hợp lệ.';
  if (hash && !HASH.test(hash)) problems.contentHash = 'Mã băm gồm 64 ký tự hexa, có thể kèm tiền tố sha256:.';
  const fromEarlierDossier = input.sourceKind === 'PREVIOUS_DOSSIER' && code;
  if (!fromEarlierDossier && !hash) {
    problems.contentHash = input.sourceKind === 'PREVIOUS_DOSSIER' ? 'Nhập mã thành phần của hồ sơ trước hoặc mã băm tài liệu.' : 'Nhập mã băm của tài liệu đã lưu.';
  }
  return problems;
}

/**
 * Tái sử dụng: instead of a new scan, a document already digitized (the citizen's earlier dossier, their
 * data store, the national database), recorded with its source. Folded away: the usual path is a scan.
 */
export function ReuseForm({ dossier, component, updates }: { dossier: DossierDigitization; component: DigitizedComponent; updates: DossierUpdates }) {
  const selectId = useId();
  const action = useAction(updates);
  const [input, setInput] = useState<ReuseInput>({ sourceKind: 'PREVIOUS_DOSSIER', sourceRef: '', sourceComponentCode: '', contentHash: '' });
  const [checked, setChecked] = useState(false);
  const problems = checked ? problemsOf(input) : {};
  const set = (field: keyof ReuseInput) => (value: string) => setInput((previous) => ({ ...previous, [field]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(problemsOf(input)).length > 0) return;
    void action.run(reuseAction(dossier, component, input));
  }

  return (
    <details>
      <summary>Tái sử dụng tài liệu đã số hoá</summary>
      <form onSubmit={submit} aria-label={`Tái sử dụng — ${component.title}`} noValidate>
        <div className="field">
          <label htmlFor={selectId}>Nguồn tài liệu</label>
          <select id={selectId} value={input.sourceKind} onChange={(event) => set('sourceKind')(event.currentTarget.value as ReuseSourceKind)}>
            {(Object.keys(REUSE_SOURCE_TEXT) as ReuseSourceKind[]).map((kind) => (
              <option key={kind} value={kind}>
                {REUSE_SOURCE_TEXT[kind]}
              </option>
            ))}
          </select>
        </div>
        <Field
          label={input.sourceKind === 'PREVIOUS_DOSSIER' ? 'Mã định danh hồ sơ trước' : 'Mã bản ghi tại nguồn'}
          value={input.sourceRef}
          onChange={(event) => set('sourceRef')(event.currentTarget.value)}
          error={problems.sourceRef}
          autoComplete="off"
        />
        {input.sourceKind === 'PREVIOUS_DOSSIER' && (
          <Field
            label="Mã thành phần của hồ sơ trước"
            value={input.sourceComponentCode}
            onChange={(event) => set('sourceComponentCode')(event.currentTarget.value)}
            error={problems.sourceComponentCode}
            autoComplete="off"
          />
        )}
        <Field
          label="Mã băm tài liệu (sha256:…)"
          hint={input.sourceKind === 'PREVIOUS_DOSSIER' ? 'Không bắt buộc khi đã nhập mã thành phần; nếu nhập, phải khớp tài liệu hiện tại của thành phần đó.' : undefined}
          value={input.contentHash}
          onChange={(event) => set('contentHash')(event.currentTarget.value)}
          error={problems.contentHash}
          autoComplete="off"
        />
        <div className="actions">
          <button type="submit" className="secondary" disabled={action.busy}>
            Tái sử dụng
          </button>
        </div>
        <ActionMessage outcome={action.outcome} done="Đã ghi nhận tài liệu tái sử dụng." />
      </form>
    </details>
  );
}
