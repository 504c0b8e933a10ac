import { useId } from 'react';
import { formatInstant } from '../ui/format';
import { CertifyForm } from './CertifyForm';
import { CERTIFICATION_TEXT, formatSize, REUSE_SOURCE_TEXT } from './digitization-text';
import type { DigitizedComponent, DossierDigitization } from './digitization-views';
import { ReuseForm } from './ReuseForm';
import { ScanPreview } from './ScanPreview';
import { ScanUpload } from './ScanUpload';
import type { DossierUpdates } from './use-action';

const MEDIA_TEXT: Readonly<Record<string, string>> = { 'application/pdf': 'PDF', 'image/jpeg': 'Ảnh JPEG', 'image/png': 'Ảnh PNG' };

/** One component of the dossier: what the checklist asks, its current document, and what can be done to it. */
export function ComponentPanel({ dossier, component, writable, updates }: { dossier: DossierDigitization; component: DigitizedComponent; writable: boolean; updates: DossierUpdates }) {
  const titleId = useId();
  const document = component.document;
  return (
    <section className="panel" aria-labelledby={titleId} data-component={component.componentCode}>
      <h3 id={titleId}>{component.title}</h3>
      <p className="actions">
        <span className="badge">{component.required ? 'Bắt buộc' : 'Không bắt buộc'}</span>
        {component.certificationRequired && <span className="badge">Cần chứng thực</span>}
        <span className={`badge ${component.digitized ? 'badge-ok' : 'badge-warn'}`}>{component.digitized ? 'Đã có bản điện tử' : 'Chưa quét'}</span>
        {component.digitized && (
          <span className={`badge ${component.certified ? 'badge-ok' : component.certificationRequired ? 'badge-warn' : ''}`}>
            {component.certified ? 'Đã chứng thực' : 'Chưa chứng thực'}
          </span>
        )}
        <span className="muted">
          Mã {component.componentCode} · {component.originals} bản chính, {component.copies} bản sao
        </span>
      </p>
      {document && (
        <>
          <p className="muted">
            {MEDIA_TEXT[document.mediaType] ?? document.mediaType}, {formatSize(document.sizeBytes)}
            {document.pageCount ? `, ${document.pageCount} trang` : ''} · số hoá lúc {formatInstant(component.digitizedAt)}
          </p>
          <ScanPreview document={document} title={component.title} />
        </>
      )}
      {component.reusedFrom && (
        <p>
          Tái sử dụng từ: {REUSE_SOURCE_TEXT[component.reusedFrom.sourceKind]} — {component.reusedFrom.sourceRef}
          {component.reusedFrom.sourceComponentCode ? ` (thành phần ${component.reusedFrom.sourceComponentCode})` : ''}
        </p>
      )}
      {component.certification && (
        <p>
          Chứng thực: {CERTIFICATION_TEXT[component.certification.kind]}, lúc {formatInstant(component.certification.certifiedAt)}
          {component.certification.note ? ` — ${component.certification.note}` : ''}
        </p>
      )}
      {writable && (
        <>
          <ScanUpload dossier={dossier} component={component} updates={updates} />
          {component.digitized && !component.certified && component.certificationRequired && <CertifyForm dossier={dossier} component={component} updates={updates} />}
          {component.digitized && !component.certified && !component.certificationRequired && (
            // Not needed for completeness: folded away, so the visible "Chứng thực" is the one that matters.
            <details>
              <summary>Chứng thực (không bắt buộc)</summary>
              <CertifyForm dossier={dossier} component={component} updates={updates} />
            </details>
          )}
          <ReuseForm dossier={dossier} component={component} updates={updates} />
        </>
      )}
    </section>
  );
}
