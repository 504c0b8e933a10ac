/**
 * Made-up applicants with identifiers that pass the kernel's checks (CCCD: province code, century and
 * sex digit, birth year; mobile numbers with Vietnamese prefixes). Never real people.
 */
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hà'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Hữu', 'Ngọc'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dung', 'Giang', 'Hoa', 'Khánh', 'Lan', 'Mai', 'Nam', 'Phúc', 'Quân', 'Sơn', 'Tâm', 'Yến'];
const STREETS = ['tổ 3, phường Yên Bái', 'thôn 2, xã Tuy Lộc', 'tổ 7, phường Nguyễn Thái Học', 'thôn Đồng Tâm, xã Văn Phú', 'tổ 1, phường Nghĩa Lộ'];
const MOBILE_PREFIXES = ['032', '035', '038', '086', '091', '094', '097', '098'];

export interface SampleApplicant {
  fullName: string;
  identityDocument: { kind: 'cccd'; number: string };
  phone: string;
  address: string;
}

/** `seq` picks the person; the same seq gives the same person (reproducible demos). */
export function sampleApplicant(seq: number): SampleApplicant {
  const pick = <T>(list: readonly T[], salt: number) => list[(seq * 7 + salt * 13) % list.length];
  const year = 60 + ((seq * 11) % 40); // born 1960–1999
  const sexDigit = seq % 2; // 0 male, 1 female: 20th century
  const serial = String(100_000 + ((seq * 7919) % 900_000)).padStart(6, '0');
  return {
    fullName: `${pick(FAMILY, 1)} ${pick(MIDDLE, 2)} ${pick(GIVEN, 3)}`,
    // 015 = Yên Bái's province code in the CCCD numbering.
    identityDocument: { kind: 'cccd', number: `015${sexDigit}${String(year).padStart(2, '0')}${serial}` },
    phone: `${pick(MOBILE_PREFIXES, 4)}${String(1_000_000 + ((seq * 104_729) % 9_000_000)).slice(0, 7)}`,
    address: `Số ${1 + (seq % 99)}, ${pick(STREETS, 5)}, tỉnh Lào Cai`,
  };
}
