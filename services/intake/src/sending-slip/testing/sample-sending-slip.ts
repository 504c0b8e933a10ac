import type { SendingSlipModel } from '../sending-slip.model';

/** A slip as the intake service would fill it, from the sample catalog (Sở Tư pháp tỉnh Lào Cai). */
export function sampleSendingSlip(overrides: Partial<SendingSlipModel> = {}): SendingSlipModel {
  return {
    provisionalDossierId: 'BCCI-33100-260312-0042',
    postalItemId: 'RR473124829VN',
    lookupUrl: 'https://bcci.example.vn/tra-cuu/RR473124829VN',
    lookupPin: '048213',
    procedure: {
      code: '2.000488',
      name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam',
    },
    agency: { id: '000.00.13.H39', name: 'Sở Tư pháp tỉnh Lào Cai' },
    serviceForm: 3,
    serviceFormLabel: 'Gửi hồ sơ và nhận kết quả',
    postalPoint: { postalCode: '33100', name: 'Bưu cục cấp 1 Yên Bái' },
    applicant: {
      fullName: 'Nguyễn Thị Hường',
      citizenIdMasked: '015******789',
      phone: '0912 345 678',
      address: 'Số 12 đường Đinh Tiên Hoàng, phường Yên Bái, tỉnh Lào Cai',
    },
    recipient: {
      fullName: 'Nguyễn Thị Hường',
      phone: '0912 345 678',
      address: 'Số 12 đường Đinh Tiên Hoàng, phường Yên Bái, tỉnh Lào Cai',
    },
    components: [
      { name: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (theo mẫu)', kind: 'original', count: 1 },
      {
        name: 'Bản chụp Căn cước công dân/Thẻ căn cước hoặc Hộ chiếu còn giá trị sử dụng của người được cấp Phiếu',
        kind: 'copy',
        count: 1,
      },
      { name: 'Văn bản ủy quyền (trường hợp ủy quyền cho người khác làm thủ tục)', kind: 'original', count: 2 },
    ],
    fees: { agencyFee: 1_200_000, postage: 50_000, total: 1_250_000, paymentMethod: 'Tiền mặt tại quầy' },
    sealNumber: 'NP-33100-0001874',
    intakeDay: '2026-03-12',
    receivedAt: '2026-03-12T07:05:00.000Z',
    postalDeadline: '2026-03-16',
    clerkName: 'Trần Văn Đức',
    ...overrides,
  };
}
