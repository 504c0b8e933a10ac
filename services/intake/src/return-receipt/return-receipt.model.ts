/**
 * Everything printed on the receipt a form-2 applicant (result by post only) takes home: no dossier
 * travels, so there is no sending slip, and this receipt is where the lookup reference and PIN are given.
 * Filled by intake from the registered dossier; the renderer only lays it out.
 */
export interface ReturnReceiptModel {
  provisionalDossierId: string;
  dossierCode: string | null;
  lookupUrl: string;
  /** The 6-digit PIN the citizen types with the reference to look the dossier up (second factor). */
  lookupPin: string;
  procedure: { code: string; name: string };
  agency: { id: string; name: string };
  postalPoint: { postalCode: string; name: string };
  applicantName: string;
  /** Where the result is returned: "Phát tận địa chỉ…" or "Nhận tại bưu cục…", already in words. */
  returnTo: string;
  returnPostage: number;
  intakeDay: string;
  receivedAt: string;
}
