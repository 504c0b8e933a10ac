import { foldVietnamese } from './vietnamese-folding';

describe('foldVietnamese', () => {
  it.each([
    ['Nguyễn Văn Đức', 'nguyen van duc'],
    ['  TRẦN   thị\tHỒNG  ', 'tran thi hong'],
    ['đường Điện Biên Phủ', 'duong dien bien phu'],
    ['Phiếu gửi hồ sơ', 'phieu gui ho so'],
    ['Ủy ban nhân dân xã Lương Thịnh', 'uy ban nhan dan xa luong thinh'],
    ['ỨNG Ửng Ữ Ự Ỳ ỹ', 'ung ung u u y y'],
    ['already plain', 'already plain'],
  ])('folds %p to %p', (input, folded) => {
    expect(foldVietnamese(input)).toBe(folded);
  });

  it('gives the same result for precomposed and decomposed input', () => {
    const precomposed = 'Nguyễn';
    const decomposed = precomposed.normalize('NFD');
    expect(decomposed).not.toBe(precomposed);
    expect(foldVietnamese(decomposed)).toBe(foldVietnamese(precomposed));
  });
});
