import { formatVnd } from '../ui/format';
import { DOCUMENT_FORM_VI, SERVICE_FORM_SHORT, type EligibleProcedure } from './counter-views';

/**
 * What the clerk tells the applicant before taking the dossier: the checklist, the agency's fees and the
 * postage (never added together: the fees go to the agency, the postage to the post), the time limits and
 * the service forms this procedure allows.
 */
export function ProcedureSummary({ procedure }: { procedure: EligibleProcedure }) {
  const { fees, timeLimits } = procedure;
  return (
    <section className="panel" aria-labelledby="procedure-summary-title">
      <h2 id="procedure-summary-title">
        {procedure.code} — {procedure.name}
      </h2>
      <p className="muted">
        Lĩnh vực: {procedure.sector} · Cơ quan giải quyết: {procedure.agency.name}
      </p>

      <h3>Thành phần hồ sơ</h3>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Mã</th>
            <th scope="col">Thành phần</th>
            <th scope="col">Bắt buộc</th>
            <th scope="col">Loại bản</th>
            <th scope="col">Số lượng</th>
          </tr>
        </thead>
        <tbody>
          {procedure.checklist.map((item) => (
            <tr key={item.code}>
              <td>{item.code}</td>
              <td>{item.name}</td>
              <td>{item.required ? 'Bắt buộc' : 'Không bắt buộc'}</td>
              <td>{item.accepts.map((kind) => DOCUMENT_FORM_VI[kind]).join(' hoặc ')}</td>
              <td>{item.count}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <div className="grid-2">
        <div>
          <h3>Phí, lệ phí của cơ quan</h3>
          <p>
            <strong>{formatVnd(fees.agencyFee)}</strong> <span className="muted">(thu hộ, nộp đủ cho cơ quan)</span>
          </p>
          {fees.feeNote && <p className="muted">{fees.feeNote}</p>}
        </div>
        <div>
          <h3>Cước bưu chính</h3>
          <ul>
            <li>Chiều gửi hồ sơ: {fees.postageSend === null ? 'không áp dụng' : formatVnd(fees.postageSend)}</li>
            <li>Chiều trả kết quả: {fees.postageReturn === null ? 'không áp dụng' : formatVnd(fees.postageReturn)}</li>
          </ul>
        </div>
      </div>

      <div className="grid-2">
        <div>
          <h3>Thời hạn</h3>
          <ul>
            <li>Cơ quan giải quyết: {timeLimits.agencyWorkingDays === null ? 'theo quy định của thủ tục' : `${timeLimits.agencyWorkingDays} ngày làm việc`} kể từ khi nhận đủ hồ sơ</li>
            <li>
              Chuyển hồ sơ đến cơ quan:{' '}
              {timeLimits.postalLeg ? `J+${timeLimits.postalLeg.workingDays} ngày làm việc` : 'chưa có trong danh mục (hệ thống sẽ báo khi đăng ký)'}
              {timeLimits.postalLeg && <div className="muted">{timeLimits.postalLeg.legalBasis}</div>}
            </li>
          </ul>
        </div>
        <div>
          <h3>Hình thức dịch vụ được phép</h3>
          <ul>
            {procedure.serviceForms.map((form) => (
              <li key={form}>{SERVICE_FORM_SHORT[form]}</li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
