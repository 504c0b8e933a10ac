import type { EntityManager } from 'typeorm';

/**
 * The agency's one-stop system issued the dossier code (TT 01/2018 Đ19). It is kept next to the
 * provisional id, never replacing it; the first code received is the one kept.
 */
export class RecordDossierCodeUseCase {
  async execute(manager: EntityManager, dossierId: string, dossierCode: string): Promise<boolean> {
    const result: [unknown[], number] = await manager.query(
      `UPDATE dossiers SET dossier_code = $2 WHERE id = $1 AND dossier_code IS NULL`,
      [dossierId, dossierCode],
    );
    return result[1] > 0;
  }
}
