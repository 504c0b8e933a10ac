import { useEffect, useState } from 'react';
import { ApiError, dataOf, describeFailure } from '../api/api-error';
import { useStaff } from '../app/staff-context';
import type { OutboxItem } from '../outbox/outbox-item';
import { Notice } from '../ui/Field';
import { formatDay } from '../ui/format';
import type { EligibleProcedure, EligibleProcedures } from './counter-views';
import { rememberedProcedures, rememberProcedures } from './procedure-cache';
import { ProcedurePicker } from './ProcedurePicker';
import { ProcedureSummary } from './ProcedureSummary';
import { RegistrationForm } from './RegistrationForm';
import { RegistrationOutcome } from './RegistrationOutcome';

/**
 * Tiếp nhận hồ sơ: choose the procedure, tell the applicant what it needs and costs, fill and count,
 * register. The outcome follows the outbox item, so a registration made offline turns into the
 * confirmed one on this screen as soon as the outbox gets the answer.
 */
export function RegistrationScreen() {
  const { api, outboxItems, session } = useStaff();
  const postalCode = session.staff.postalCode ?? '';
  const [catalog, setCatalog] = useState<EligibleProcedures>();
  // Set when the list shown is the one remembered from an earlier load (the line is down).
  const [remembered, setRemembered] = useState(false);
  const [loadError, setLoadError] = useState<string>();
  const [procedure, setProcedure] = useState<EligibleProcedure>();
  const [submitted, setSubmitted] = useState<OutboxItem>();
  // A new form for every registration, so nothing of the previous applicant stays in it.
  const [formKey, setFormKey] = useState(0);

  useEffect(() => {
    let current = true;
    // No answer, or the app's server could not reach intake: the list remembered from the last load, if any.
    const fallBack = (error: unknown) => {
      const unreachable = !(error instanceof ApiError) || error.status >= 502;
      const earlier = unreachable ? rememberedProcedures(postalCode) : undefined;
      if (earlier) {
        setCatalog(earlier);
        setRemembered(true);
      } else setLoadError(describeFailure(error));
    };
    api.intake.GET('/procedures').then(
      (result) => {
        if (!current) return;
        try {
          const loaded = dataOf<EligibleProcedures>(result);
          rememberProcedures(postalCode, loaded);
          setCatalog(loaded);
          setRemembered(false);
        } catch (error) {
          fallBack(error);
        }
      },
      (error: unknown) => current && fallBack(error),
    );
    return () => {
      current = false;
    };
  }, [api, postalCode]);

  // The outbox's copy is the live one (waiting → done); the item as first returned covers the moment before.
  const outcome = submitted ? (outboxItems.find((item) => item.id === submitted.id) ?? submitted) : undefined;
  const startOver = () => {
    setSubmitted(undefined);
    setProcedure(undefined);
    setFormKey((key) => key + 1);
  };

  if (outcome) {
    return (
      <>
        <RegistrationOutcome item={outcome} />
        <div className="actions">
          <button type="button" onClick={startOver}>
            Tiếp nhận hồ sơ mới
          </button>
        </div>
      </>
    );
  }

  return (
    <>
      {loadError && <Notice kind="error">Không tải được danh mục thủ tục: {loadError}</Notice>}
      {!catalog && !loadError && <p role="status">Đang tải danh mục thủ tục…</p>}
      {catalog && (
        <>
          {remembered && (
            <Notice kind="info">
              Mất kết nối: đang dùng danh mục thủ tục đã tải ngày {formatDay(catalog.date)}. Hồ sơ tiếp nhận lúc này chờ trong Hộp thư đi và được hệ thống kiểm tra lại
              khi có mạng.
            </Notice>
          )}
          <p className="muted">
            Danh mục thủ tục tiếp nhận qua dịch vụ bưu chính công ích tại bưu cục {catalog.postalCode}, ngày {formatDay(catalog.date)} (phiên bản {catalog.catalogVersion}
            {catalog.sample ? ', dữ liệu mẫu' : ''}).
          </p>
          <div className="columns">
            <ProcedurePicker
              procedures={catalog.procedures}
              selected={procedure}
              onSelect={(next) => {
                setProcedure(next);
                setFormKey((key) => key + 1);
              }}
            />
            <div>{procedure ? <ProcedureSummary procedure={procedure} /> : <p className="empty">Chọn một thủ tục để xem danh mục thành phần, phí, lệ phí và thời hạn.</p>}</div>
          </div>
          {procedure && <RegistrationForm key={`${procedure.code}-${formKey}`} procedure={procedure} onOutcome={setSubmitted} />}
        </>
      )}
    </>
  );
}
