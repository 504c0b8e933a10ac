import type { Catalog } from '@bcci/catalog';
import { RuleViolationError } from '@bcci/kernel';
import type { DataSource } from 'typeorm';
import type { PiiCipher } from '../../pii/pii-cipher';
import type { SendingSlipModel } from '../../sending-slip/sending-slip.model';
import type { PaymentMethod } from '../domain/fees';
import { maskIdentityNumber } from '../domain/personal-data';
import { sendsDossier, serviceFormLabel } from '../domain/service-form';
import type { DossierOrmEntity } from '../persistence/dossier.orm-entity';
import type { DossierRepository } from '../persistence/dossier.repository';
import type { Clock } from './clock';
import { loadVisibleDossier } from './get-dossier.use-case';
import type { IntakeActor } from './intake-actor';
import { readPersonalData } from './read-applicant.use-case';
import type { PersonalDataRecord } from './personal-data-record';

export type SendingSlipRenderer = (model: SendingSlipModel) => Promise<Buffer>;

const PAYMENT_LABELS: Record<PaymentMethod, string> = { cash: 'tiền mặt', 'bank-transfer': 'chuyển khoản', 'e-wallet': 'ví điện tử' };

/** Recorded in the personal-data audit: printing the slip decrypts the applicant's name and address. */
export const SLIP_READ_PURPOSE = 'In Phiếu gửi hồ sơ';

/**
 * The Phiếu gửi hồ sơ (QĐ 45 Đ6.4) of a dossier sent by post (forms 1 and 3), as a PDF. The applicant's
 * data is decrypted for the print and the read is audited like any other.
 */
export class BuildSendingSlipUseCase {
  constructor(
    private readonly deps: {
      dataSource: DataSource;
      dossiers: DossierRepository;
      catalog: Catalog;
      clock: Clock;
      cipher: PiiCipher;
      render: SendingSlipRenderer;
      lookupBaseUrl: string;
    },
  ) {}

  async execute(actor: IntakeActor, id: string): Promise<{ pdf: Buffer; fileName: string }> {
    const dossier = await loadVisibleDossier(this.deps, actor, id);
    if (!sendsDossier(dossier.serviceForm) || !dossier.postalItemId) {
      throw new RuleViolationError({
        code: 'sending-slip.not-applicable',
        message: 'Service form 2 sends no dossier: there is no sending slip',
        messageVi: 'Hình thức chỉ nhận kết quả không có Phiếu gửi hồ sơ.',
      });
    }
    const personal = await this.deps.dataSource.transaction((manager) => readPersonalData(manager, this.deps.cipher, dossier, actor, SLIP_READ_PURPOSE));
    const pdf = await this.deps.render(this.model(dossier, personal));
    return { pdf, fileName: `phieu-gui-ho-so-${dossier.provisionalDossierId}.pdf` };
  }

  private model(d: DossierOrmEntity, personal: PersonalDataRecord): SendingSlipModel {
    const point = this.deps.catalog.at(d.receivedAt).findPostalPoint(d.postalCode);
    const postage = d.postageForwardLeg + d.postageReturnLeg;
    return {
      provisionalDossierId: d.provisionalDossierId,
      postalItemId: d.postalItemId!,
      lookupUrl: `${this.deps.lookupBaseUrl.replace(/\/+$/, '')}/${encodeURIComponent(d.provisionalDossierId)}`,
      lookupPin: personal.lookupPin ?? null,
      procedure: { code: d.procedureCode, name: d.procedureName },
      agency: { id: d.agencyId, name: d.agencyName },
      serviceForm: d.serviceForm,
      serviceFormLabel: serviceFormLabel(d.serviceForm),
      postalPoint: { postalCode: d.postalCode, name: point?.name ?? `Điểm phục vụ ${d.postalCode}` },
      applicant: {
        fullName: personal.applicant.fullName,
        citizenIdMasked: maskIdentityNumber(personal.applicant.identityDocument.number),
        phone: personal.applicant.phone,
        address: personal.applicant.address,
      },
      recipient: personal.recipient,
      components: d.components.map((c) => ({ name: c.name, kind: c.kind, count: c.count })),
      fees: { agencyFee: d.agencyFee, postage, total: d.agencyFee + postage, paymentMethod: paymentLine(d) },
      sealNumber: d.sealNumber ?? '',
      intakeDay: d.intakeDay,
      receivedAt: d.receivedAt.toISOString(),
      postalDeadline: d.postalDeadline?.dueDate ?? '',
      clerkName: d.clerkName,
    };
  }
}

function paymentLine(d: DossierOrmEntity): string {
  const fee = d.agencyFeePaymentMethod;
  const postage = d.postagePaymentMethod;
  if (fee === null && postage === null) return 'Không thu tiền';
  if (fee === postage || fee === null || postage === null) return capitalise(PAYMENT_LABELS[(fee ?? postage)!]);
  return `Phí, lệ phí: ${PAYMENT_LABELS[fee]}; cước: ${PAYMENT_LABELS[postage]}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
