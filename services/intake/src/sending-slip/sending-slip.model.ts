/**
 * Everything printed on the Phiếu gửi hồ sơ (QĐ 45/2016 Đ6.4, TT 17/2017 Đ5).
 * The intake service fills it from the registered dossier; the renderer only lays it out,
 * so the slip never recomputes fees, deadlines or masking on its own.
 */
export interface SendingSlipModel {
  provisionalDossierId: string; postalItemId: string; lookupUrl: string;
  /** The 6-digit PIN the citizen types with the reference to look the dossier up (second factor). */
  lookupPin: string | null;
  procedure: { code: string; name: string }; agency: { id: string; name: string };
  serviceForm: 1 | 2 | 3; serviceFormLabel: string;
  postalPoint: { postalCode: string; name: string };
  applicant: { fullName: string; citizenIdMasked: string; phone: string; address: string };
  recipient: { fullName: string; phone: string; address: string } | null;
  components: { name: string; kind: 'original' | 'copy'; count: number }[];
  fees: { agencyFee: number; postage: number; total: number; paymentMethod: string };
  sealNumber: string; intakeDay: string; receivedAt: string; postalDeadline: string; clerkName: string;
}
