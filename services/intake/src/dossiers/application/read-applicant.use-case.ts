import type { Catalog } from '@bcci/catalog';
import { ForbiddenError, InvalidInputError } from '@bcci/kernel';
import type { DataSource, EntityManager } from 'typeorm';
import type { PiiCipher } from '../../pii/pii-cipher';
import { PersonalDataReadOrmEntity } from '../persistence/personal-data-read.orm-entity';
import type { DossierOrmEntity } from '../persistence/dossier.orm-entity';
import type { DossierRepository } from '../persistence/dossier.repository';
import type { Clock } from './clock';
import { assertAgencyScope } from '@bcci/auth';
import { AGENCY_ROLE, AUDITOR_ROLE, CLERK_ROLE, dossierNotFound } from './dossier-access';
import { loadVisibleDossier } from './get-dossier.use-case';
import { staffRefOf, type IntakeActor } from './intake-actor';
import type { PersonalDataRecord } from './personal-data-record';

export interface ApplicantView {
  dossierId: string;
  applicant: PersonalDataRecord['applicant'];
  recipient: PersonalDataRecord['recipient'];
  recipientIsApplicant: boolean;
}

/**
 * Roles allowed to read personal data in clear: the clerk of the dossier's postal point, auditors, and the
 * competent agency of the dossier (the claim check: events carry only references, so an agency that needs
 * the applicant's details fetches them here, and the read is audited like any other).
 */
const READER_ROLES = new Set([CLERK_ROLE, AUDITOR_ROLE, AGENCY_ROLE]);

export function checkPurpose(purpose: string | undefined): string {
  const text = (purpose ?? '').replace(/\s+/g, ' ').trim();
  // The purpose is free text stored for years: refuse digit runs that could be a CCCD or a phone.
  if (text.length < 3 || text.length > 200 || /\d{10}/.test(text)) {
    throw new InvalidInputError({
      code: 'personal-data.purpose',
      message: 'A purpose (3–200 characters, no personal numbers) is required to read personal data',
      messageVi: 'Nhập mục đích xem thông tin cá nhân (3–200 ký tự, không ghi số CCCD hay số điện thoại).',
    });
  }
  return text;
}

/**
 * Decrypts a dossier's personal data for an authorised reader and records the read (who, role, when,
 * why) in the same transaction: no read without its audit row.
 */
export async function readPersonalData(
  manager: EntityManager,
  cipher: PiiCipher,
  dossier: DossierOrmEntity,
  actor: IntakeActor,
  purpose: string,
): Promise<PersonalDataRecord> {
  await manager.getRepository(PersonalDataReadOrmEntity).insert({
    dossierId: dossier.id,
    actorRef: staffRefOf(actor),
    actorRole: actor.role,
    purpose,
  });
  return cipher.decrypt<PersonalDataRecord>({ keyId: dossier.piiKeyId, data: dossier.piiCiphertext }, dossier.id);
}

export class ReadApplicantUseCase {
  constructor(
    private readonly deps: { dataSource: DataSource; dossiers: DossierRepository; catalog: Catalog; clock: Clock; cipher: PiiCipher },
  ) {}

  async execute(actor: IntakeActor, id: string, purposeInput: string | undefined): Promise<ApplicantView> {
    if (!READER_ROLES.has(actor.role)) {
      throw new ForbiddenError({
        code: 'personal-data.role',
        message: `Role ${actor.role} may not read personal data`,
        messageVi: 'Vai trò của bạn không được xem thông tin cá nhân của người nộp.',
      });
    }
    const purpose = checkPurpose(purposeInput);
    const dossier = actor.role === AGENCY_ROLE ? await this.loadAgencyDossier(actor, id) : await loadVisibleDossier(this.deps, actor, id);
    const record = await this.deps.dataSource.transaction((manager) => readPersonalData(manager, this.deps.cipher, dossier, actor, purpose));
    return { dossierId: dossier.id, applicant: record.applicant, recipient: record.recipient, recipientIsApplicant: record.recipientIsApplicant };
  }

  /** An agency reaches only the dossiers whose competent agency it is. */
  private async loadAgencyDossier(actor: IntakeActor, id: string): Promise<DossierOrmEntity> {
    const dossier = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? await this.deps.dossiers.findById(id) : null;
    if (!dossier) throw dossierNotFound(id);
    assertAgencyScope(actor, dossier.agencyId);
    return dossier;
  }
}
