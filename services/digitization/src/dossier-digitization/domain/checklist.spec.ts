import { resolveComponents, type ChecklistItem, type DeclaredComponent } from './checklist';

const checklist: ChecklistItem[] = [
  { name: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (theo mẫu)', required: true, accepts: ['original'] },
  { name: 'Bản chụp Căn cước công dân', required: true, accepts: ['copy'] },
  { name: 'Văn bản ủy quyền', required: false, accepts: ['original', 'copy'] },
];

const declared = (code: string, title: string, originals: number, copies: number, required?: boolean): DeclaredComponent => ({
  componentId: `00000000-0000-4000-8000-00000000000${code.length}`,
  componentCode: code,
  title,
  originals,
  copies,
  ...(required === undefined ? {} : { required }),
});

describe('resolveComponents (checklist of the intake day)', () => {
  it('takes "required" from the checklist line matched on the folded title', () => {
    const [form, id] = resolveComponents(
      [declared('TK', 'TỜ KHAI yêu cầu cấp  Phiếu lý lịch tư pháp (theo mẫu)', 1, 0, false), declared('CCCD', 'Ban chup Can cuoc cong dan', 0, 1)],
      checklist,
    );
    expect(form).toMatchObject({ required: true, onChecklist: true, certificationRequired: false });
    expect(id).toMatchObject({ required: true, onChecklist: true, certificationRequired: true });
  });

  it('requires certification of a copy: handed in as a copy, or accepted only as a copy', () => {
    const [proxyAsCopy, proxyAsOriginal] = resolveComponents(
      [declared('UQ1', 'Văn bản ủy quyền', 0, 1), declared('UQ2', 'Văn bản ủy quyền', 1, 0)],
      checklist,
    );
    expect(proxyAsCopy).toMatchObject({ required: false, certificationRequired: true });
    expect(proxyAsOriginal).toMatchObject({ required: false, certificationRequired: false });
    const [copyOnlyHandedAsOriginal] = resolveComponents([declared('CCCD', 'Bản chụp Căn cước công dân', 1, 0)], checklist);
    expect(copyOnlyHandedAsOriginal.certificationRequired).toBe(true);
  });

  it('falls back on the intake declaration off the checklist, and treats unknown as required', () => {
    const [flagged, unflagged] = resolveComponents(
      [declared('X1', 'Giấy tờ khác', 1, 0, false), declared('X2', 'Giấy tờ lạ', 1, 0)],
      undefined,
    );
    expect(flagged).toMatchObject({ required: false, onChecklist: false });
    expect(unflagged).toMatchObject({ required: true, onChecklist: false });
  });
});
