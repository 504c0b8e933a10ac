import type { Catalog } from '@bcci/catalog';
import type { LocalDate } from '@bcci/kernel';
import type { EntityManager } from 'typeorm';
import { CatalogUnitResolver } from '../../counting/domain/catalog-units';
import type { DossierFact } from '../../counting/domain/dossier-fact';
import { keysMatchScope, type Scope } from '../../counting/domain/scope';
import type { Period } from '../../counting/domain/period';
import type { ReportBook } from '../domain/report-sheet';
import { periodLabelVi } from '../../counting/domain/period';

/** At most this many dossiers per register export (a province-quarter of BCCI dossiers fits easily). */
export const MAX_REGISTER_ROWS = 100_000;

const SERVICE_FORM_VI: Record<string, string> = { SEND_DOSSIER: '1 - Gửi hồ sơ', RECEIVE_RESULT: '2 - Nhận kết quả', SEND_AND_RECEIVE: '3 - Gửi hồ sơ và nhận kết quả' };

/** Sổ theo dõi hồ sơ: one line per BCCI dossier received in the period (by intake day), no personal data. */
export async function dossierRegisterBook(manager: EntityManager, catalog: Catalog, period: Period, scope: Scope, scopeLabel: string): Promise<ReportBook> {
  const rows: { fact: DossierFact; stage: string | null; code: string | null; provisional: string | null }[] = await manager.query(
    `SELECT f.fact, f.stage, s.dossier_code AS code, s.provisional_dossier_id AS provisional
     FROM counting_dossier_facts f LEFT JOIN dossier_summaries s ON s.dossier_id = f.dossier_id
     WHERE (f.fact->>'intakeDay') BETWEEN $1 AND $2
     ORDER BY f.fact->>'intakeDay', f.dossier_id LIMIT $3`,
    [period.start, period.end, MAX_REGISTER_ROWS],
  );
  const units = new CatalogUnitResolver(catalog);
  const inScope = rows.filter(({ fact }) => {
    const location = fact.intakePostalCode && fact.intakeDay ? units.locatePostalPoint(fact.intakePostalCode, fact.intakeDay as LocalDate) : undefined;
    return keysMatchScope(
      { provinceCode: location?.provinceCode ?? '', communeCode: location?.communeCode ?? '', postalCode: fact.intakePostalCode ?? '', agencyId: fact.agencyId ?? '', procedureCode: fact.procedureCode ?? '' },
      scope,
    );
  });
  return {
    fileName: `so-theo-doi-ho-so-bcci-${period.label}`,
    sheets: [
      {
        name: 'Sổ theo dõi hồ sơ',
        title: ['SỔ THEO DÕI HỒ SƠ TIẾP NHẬN, TRẢ KẾT QUẢ QUA DỊCH VỤ BƯU CHÍNH CÔNG ÍCH', `Kỳ: ${periodLabelVi(period)}; phạm vi: ${scopeLabel}; ${inScope.length} hồ sơ (không có dữ liệu cá nhân)`],
        header: ['STT', 'Mã hồ sơ', 'Mã tạm', 'Mã TTHC', 'Tên TTHC', 'Bưu cục tiếp nhận', 'Hình thức', 'Ngày tiếp nhận', 'Cơ quan', 'Ngày giao cơ quan', 'Ngày có kết quả', 'Ngày phát', 'Số lần phát không thành công', 'Trả lại cơ quan', 'Giai đoạn hiện tại'],
        rows: inScope.map(({ fact, stage, code, provisional }, index) => [
          index + 1,
          code,
          provisional,
          fact.procedureCode,
          fact.procedureCode && fact.intakeDay ? (catalog.findProcedure(fact.procedureCode, fact.intakeDay)?.name ?? null) : null,
          fact.intakePostalCode,
          SERVICE_FORM_VI[fact.serviceForm ?? ''] ?? fact.serviceForm,
          fact.intakeDay,
          fact.agencyId,
          fact.forwardHandoverDay,
          fact.resultIssuedDay,
          fact.deliveredDay,
          fact.failedAttempts,
          fact.returnedToAgencyDay,
          stage,
        ]),
        widths: [6, 28, 26, 14, 50, 12, 26, 14, 18, 14, 14, 14, 12, 14, 14],
      },
    ],
  };
}
