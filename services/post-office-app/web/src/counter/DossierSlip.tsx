import { useEffect, useRef, useState } from 'react';
import { messageOf } from '../outbox/answer-classification';
import { serviceUrl } from '../api/service-name';
import { useStaff } from '../app/staff-context';

/** Just what is needed to know which paper a dossier has and where to get it. */
export interface SlipTarget {
  readonly id: string;
  readonly provisionalDossierId: string;
  /** Forms 1 and 3 carry an S10 item and have a sending slip; form 2 has a return receipt instead. */
  readonly postalItemId: string | null;
}

/** "In phiếu gửi" for a dossier with a sending slip, "In phiếu nhận kết quả" for form 2. */
export function slipTitle(target: SlipTarget): string {
  return target.postalItemId ? 'Phiếu gửi hồ sơ' : 'Phiếu đăng ký nhận kết quả';
}

export function printLabel(target: SlipTarget): string {
  return target.postalItemId ? 'In phiếu gửi' : 'In phiếu nhận kết quả';
}

/**
 * The slip's PDF needs the clerk's token, which a plain link or iframe src cannot carry: it is fetched with
 * the Authorization header and shown from a blob: URL (revoked when the component goes away).
 */
function useSlipPdf(target: SlipTarget) {
  const { session } = useStaff();
  const [url, setUrl] = useState<string>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);
  const urlRef = useRef<string | undefined>(undefined);
  useEffect(() => () => void (urlRef.current && URL.revokeObjectURL(urlRef.current)), []);

  async function load(): Promise<string | undefined> {
    if (urlRef.current) return urlRef.current;
    setLoading(true);
    setError(undefined);
    try {
      const path = `/dossiers/${encodeURIComponent(target.id)}/${target.postalItemId ? 'sending-slip' : 'return-receipt'}`;
      const response = await fetch(serviceUrl('intake', path), { headers: { authorization: `Bearer ${session.token}`, accept: 'application/pdf' } });
      if (!response.ok) {
        const body: unknown = await response.json().catch(() => undefined);
        throw new Error(messageOf(body, `Không lấy được phiếu (mã ${response.status}).`));
      }
      const created = URL.createObjectURL(await response.blob());
      urlRef.current = created;
      setUrl(created);
      return created;
    } catch (failure) {
      setError(failure instanceof TypeError ? 'Không kết nối được với hệ thống để lấy phiếu. Kiểm tra mạng rồi thử lại.' : (failure as Error).message);
      return undefined;
    } finally {
      setLoading(false);
    }
  }
  return { url, error, loading, load };
}

/**
 * The dossier's slip: shown at once in the page when `showNow` (right after a registration), and a print
 * button that opens it in a new tab, where the browser's PDF viewer prints it. If the browser blocks the
 * new tab, the slip is shown in the page instead.
 */
export function DossierSlip({ target, showNow = false }: { target: SlipTarget; showNow?: boolean }) {
  const slip = useSlipPdf(target);
  const [inline, setInline] = useState(showNow);
  const { load } = slip;
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    if (showNow) void loadRef.current();
  }, [showNow, target.id]);

  async function print() {
    const url = await slip.load();
    if (!url) return;
    const opened = window.open(url, '_blank');
    if (!opened) setInline(true);
  }

  const title = `${slipTitle(target)} ${target.provisionalDossierId}`;
  return (
    <div className="slip">
      <div className="actions">
        <button type="button" onClick={() => void print()} disabled={slip.loading} aria-label={`${printLabel(target)} ${target.provisionalDossierId}`}>
          {slip.loading ? 'Đang lấy phiếu…' : printLabel(target)}
        </button>
        {!inline && slip.url && (
          <button type="button" className="secondary" onClick={() => setInline(true)}>
            Xem phiếu tại đây
          </button>
        )}
      </div>
      {slip.error && (
        <p role="alert" className="error">
          {slip.error}
        </p>
      )}
      {inline && slip.url && <iframe title={title} src={slip.url} style={{ width: '100%', height: '70vh', border: '1px solid var(--line)', marginTop: '0.5rem' }} />}
    </div>
  );
}
