import { useId, useState, type DragEvent } from 'react';
import { ActionMessage } from './ActionMessage';
import { uploadScanAction } from './digitization-actions';
import type { DigitizedComponent, DossierDigitization } from './digitization-views';
import { useAction, type DossierUpdates } from './use-action';

const ACCEPTED = ['application/pdf', 'image/jpeg', 'image/png'];

/**
 * Scan of one component: pick a file (on a phone `capture` opens the camera) or drop it on the area.
 * It is sent at once; the service decides the type by content, this check only spares a useless send.
 */
export function ScanUpload({ dossier, component, updates }: { dossier: DossierDigitization; component: DigitizedComponent; updates: DossierUpdates }) {
  const inputId = useId();
  const action = useAction(updates);
  const [dragging, setDragging] = useState(false);
  const [wrongType, setWrongType] = useState<string>();

  function send(file: File | undefined) {
    if (!file) return;
    if (file.type && !ACCEPTED.includes(file.type)) {
      action.clear();
      setWrongType(`Tệp "${file.name}" không phải PDF, JPEG hoặc PNG.`);
      return;
    }
    setWrongType(undefined);
    void action.run(uploadScanAction(dossier, component, file));
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    if (!action.busy) send(event.dataTransfer.files[0]);
  }

  return (
    <div
      className="field"
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      style={{ border: `2px dashed ${dragging ? 'var(--brand)' : 'var(--line)'}`, borderRadius: 8, padding: '0.6rem', background: dragging ? 'var(--canvas)' : undefined }}
    >
      <label htmlFor={inputId}>Tệp quét — {component.title}</label>
      <input
        id={inputId}
        type="file"
        accept="application/pdf,image/jpeg,image/png"
        capture="environment"
        disabled={action.busy}
        aria-describedby={`${inputId}-hint`}
        onChange={(event) => {
          send(event.currentTarget.files?.[0]);
          event.currentTarget.value = ''; // the same file can be chosen again after a refusal
        }}
      />
      <small id={`${inputId}-hint`} className="muted">
        {component.digitized ? 'Tệp mới sẽ thay bản quét hiện tại (phải chứng thực lại). ' : ''}PDF, JPEG hoặc PNG; có thể kéo thả tệp vào khung này.
      </small>
      {action.busy && <p role="status">Đang gửi bản quét…</p>}
      {wrongType && (
        <p role="alert" className="error">
          {wrongType}
        </p>
      )}
      <ActionMessage outcome={action.outcome} done="Đã lưu bản quét." />
    </div>
  );
}
