import { Notice } from '../ui/Field';
import type { OutboxItem } from '../outbox/outbox-item';
import { formatInstant, formatVnd } from '../ui/format';
import type { HandoverRecordView } from './courier-views';

/**
 * While the record prints, everything else on the page is hidden: the body carries this class only
 * between "In biên bản" and the end of printing.
 */
const PRINTING_CLASS = 'printing-handover-record';
const PRINT_RULES = `@media print {
  body.${PRINTING_CLASS} * { visibility: hidden; }
  body.${PRINTING_CLASS} .handover-printable, body.${PRINTING_CLASS} .handover-printable * { visibility: visible; }
  body.${PRINTING_CLASS} .handover-printable { position: absolute; inset: 0 auto auto 0; width: 100%; border: none; }
}`;

function printRecord(): void {
  document.body.classList.add(PRINTING_CLASS);
  window.addEventListener('afterprint', () => document.body.classList.remove(PRINTING_CLASS), { once: true });
  window.print();
}

/** The record as the service answered it, with its number, its dossiers and its times, ready to print. */
export function HandoverRecordPrint({ item }: { item: OutboxItem }) {
  const record = item.response?.body as HandoverRecordView | undefined;
  if (!record?.recordNumber) return null;
  const signed = record.status === 'SIGNED';
  return (
    <div>
      <style>{PRINT_RULES}</style>
      <Notice kind="ok">
        Đã lập biên bản {record.recordNumber}
        {signed ? ': hai bên đã ký, hồ sơ đã được tiếp nhận.' : ': chờ cơ quan ký xác nhận qua hệ thống của cơ quan.'}
      </Notice>
      <article className="panel handover-printable" aria-labelledby="handover-record-number">
        <h3 id="handover-record-number">Biên bản giao nhận hồ sơ số {record.recordNumber}</h3>
        <p>
          Cơ quan nhận: <strong>{record.agencyId}</strong>
          <br />
          Bưu điện ký: {formatInstant(record.postalSignedAt)}
          <br />
          Cơ quan ký: {record.agencySignedAt ? `${formatInstant(record.agencySignedAt)}${record.agencySignatureSource === 'PAPER_RECORD' ? ' (trên biên bản giấy)' : ' (qua hệ thống)'}` : 'chưa ký'}
          <br />
          Thời điểm tiếp nhận hồ sơ: {record.signedAt ? formatInstant(record.signedAt) : 'khi cơ quan ký'}
        </p>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">STT</th>
              <th scope="col">Số hiệu bưu gửi</th>
              <th scope="col">Số giấy tờ</th>
              <th scope="col">Đúng hạn chuyển</th>
            </tr>
          </thead>
          <tbody>
            {record.items.map((entry, index) => (
              <tr key={entry.dossierId}>
                <td>{index + 1}</td>
                <td style={{ fontFamily: 'monospace' }}>{entry.s10ItemId}</td>
                <td>{entry.documentsCounted}</td>
                <td>{entry.postalDeadlineMet ? 'Đúng hạn' : 'Trễ hạn'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {record.remittance && (
          <p>
            Phí, lệ phí chuyển cho cơ quan: {formatVnd(record.remittance.total)} ({record.remittance.dossierCount} hồ sơ,{' '}
            {record.remittance.method === 'BANK_TRANSFER' ? 'chuyển khoản' : 'tiền mặt'})
          </p>
        )}
        <div className="grid-2" style={{ marginTop: '2rem', textAlign: 'center' }}>
          <p>
            <strong>Đại diện bưu điện</strong>
            <br />
            (ký, ghi rõ họ tên)
          </p>
          <p>
            <strong>Đại diện cơ quan</strong>
            <br />
            (ký, ghi rõ họ tên)
          </p>
        </div>
      </article>
      <div className="actions">
        <button type="button" onClick={printRecord}>
          In biên bản
        </button>
      </div>
    </div>
  );
}
