import type { Catalog } from '@bcci/catalog';
import { RuleViolationError } from '@bcci/kernel';
import type { DataSource } from 'typeorm';
import type { PiiCipher } from '../../pii/pii-cipher';
import type { ReturnReceiptModel } from '../../return-receipt/return-receipt.model';
import { sendsDossier } from '../domain/service-form';
import type { DossierOrmEntity } from '../persistence/dossier.orm-entity';
import type { DossierRepository } from '../persistence/dossier.repository';
import type { Clock } from './clock';
import { loadVisibleDossier } from './get-dossier.use-case';
import type { IntakeActor } from './intake-actor';
import type { PersonalDataRecord } from './personal-data-record';
import { readPersonalData } from './read-applicant.use-case';

export type ReturnReceiptRenderer = (model: ReturnReceiptModel) => Promise<Buffer>;

/** Recorded in the personal-data audit: printing the receipt decrypts the applicant's name and the PIN. */
export const RETURN_RECEIPT_READ_PURPOSE = 'In Phiếu đăng ký nhận kết quả';

/**
 * The receipt of a form-2 registration (result by post only), as a PDF: a form-2 applicant has no
 * sending slip, so this is the paper that gives the lookup reference and the PIN intake issued at
 * registration (its hash is already in dossier-registered, so tracking's public lookup needs nothing more).
 * Forms 1 and 3 get both on the sending slip and are pointed there.
 */
export class BuildReturnReceiptUseCase {
  constructor(
    private readonly deps: {
      dataSource: DataSource;
      dossiers: DossierRepository;
      catalog: Catalog;
      clock: Clock;
      cipher: PiiCipher;
      render: ReturnReceiptRenderer;
      lookupBaseUrl: string;
    },
  ) {}

  async execute(actor: IntakeActor, id: string): Promise<{ pdf: Buffer; fileName: string }> {
    const dossier = await loadVisibleDossier(this.deps, actor, id);
    if (sendsDossier(dossier.serviceForm)) {
      throw new RuleViolationError({
        code: 'return-receipt.not-applicable',
        message: 'Forms 1 and 3 send a dossier: the sending slip carries the lookup reference and PIN',
        messageVi: 'Hồ sơ gửi qua bưu chính (hình thức 1, 3): mã tra cứu in trên Phiếu gửi hồ sơ.',
      });
    }
    const personal = await this.deps.dataSource.transaction((manager) => readPersonalData(manager, this.deps.cipher, dossier, actor, RETURN_RECEIPT_READ_PURPOSE));
    if (!personal.lookupPin) {
      // Dossiers registered before the PIN existed have none to print; a new one would not match the published hash.
      throw new RuleViolationError({
        code: 'return-receipt.no-lookup-pin',
        message: 'This dossier was registered without a lookup PIN',
        messageVi: 'Hồ sơ này được tiếp nhận khi chưa cấp mã tra cứu (PIN).',
      });
    }
    const pdf = await this.deps.render(this.model(dossier, personal, personal.lookupPin));
    return { pdf, fileName: `phieu-dang-ky-nhan-ket-qua-${dossier.provisionalDossierId}.pdf` };
  }

  private model(d: DossierOrmEntity, personal: PersonalDataRecord, lookupPin: string): ReturnReceiptModel {
    const snapshot = this.deps.catalog.at(d.receivedAt);
    const pointName = (code: string) => snapshot.findPostalPoint(code)?.name ?? `Điểm phục vụ ${code}`;
    const returnPoint = d.returnPostalCode ?? d.postalCode;
    return {
      provisionalDossierId: d.provisionalDossierId,
      dossierCode: d.dossierCode,
      lookupUrl: `${this.deps.lookupBaseUrl.replace(/\/+$/, '')}/${encodeURIComponent(d.provisionalDossierId)}`,
      lookupPin,
      procedure: { code: d.procedureCode, name: d.procedureName },
      agency: { id: d.agencyId, name: d.agencyName },
      postalPoint: { postalCode: d.postalCode, name: pointName(d.postalCode) },
      applicantName: personal.applicant.fullName,
      returnTo:
        d.returnDeliveryMode === 'COUNTER'
          ? `Nhận tại ${pointName(returnPoint)} (mã bưu chính ${returnPoint})`
          : `Phát tận địa chỉ người nhận đã đăng ký (bưu cục phát ${returnPoint})`,
      returnPostage: d.postageReturnLeg,
      intakeDay: d.intakeDay,
      receivedAt: d.receivedAt.toISOString(),
    };
  }
}
