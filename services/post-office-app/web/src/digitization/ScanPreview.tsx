import { useEffect, useState } from 'react';
import { ApiError, describeFailure } from '../api/api-error';
import { useStaff } from '../app/staff-context';
import { messageOf } from '../outbox/answer-classification';
import type { StoredDocument } from './digitization-views';

/**
 * The stored scan itself, read from GET /documents/{hash} (the bytes, with their media type) with the
 * token, so it is fetched as a blob and shown from an object URL: an image inline, a PDF in an <object>
 * with a link as fallback. Keyed by content hash: the same document is not fetched twice.
 */
export function ScanPreview({ document, title }: { document: StoredDocument; title: string }) {
  const { api } = useStaff();
  const [shown, setShown] = useState<{ hash: string; url?: string; error?: string }>();

  useEffect(() => {
    let url: string | undefined;
    let current = true;
    void (async () => {
      try {
        const result = await api.digitization.GET('/documents/{hash}', { params: { path: { hash: document.contentHash } }, parseAs: 'blob' });
        if (!result.response.ok) throw new ApiError(result.response.status, result.error, messageOf(result.error, 'Không tải được bản quét.'));
        url = URL.createObjectURL(result.data as Blob);
        if (current) setShown({ hash: document.contentHash, url });
        else URL.revokeObjectURL(url);
      } catch (error) {
        if (current) setShown({ hash: document.contentHash, error: describeFailure(error) });
      }
    })();
    return () => {
      current = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [api, document.contentHash]);

  const label = `Bản quét — ${title}`;
  if (!shown || shown.hash !== document.contentHash) return <p className="muted">Đang tải bản quét…</p>;
  if (shown.error || !shown.url) return <p className="error">{shown.error}</p>;
  if (document.mediaType === 'application/pdf') {
    return (
      <object data={shown.url} type="application/pdf" aria-label={label} style={{ width: '100%', height: '22rem', border: '1px solid var(--line)' }}>
        <a href={shown.url} target="_blank" rel="noreferrer">
          Mở bản quét PDF
        </a>
      </object>
    );
  }
  return <img src={shown.url} alt={label} style={{ maxWidth: '100%', maxHeight: '22rem', border: '1px solid var(--line)' }} />;
}
