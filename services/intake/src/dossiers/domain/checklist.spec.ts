import { loadSampleCatalog } from '@bcci/catalog';
import { InvalidInputError } from '@bcci/kernel';
import { checkComponents, checklistOf } from './checklist';

const criminalRecord = loadSampleCatalog().getProcedure('2.000488', '2026-01-15');
const checklist = checklistOf(criminalRecord);

function errorOf(fn: () => unknown): InvalidInputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error('expected an InvalidInputError');
}

describe('checklist check', () => {
  it('codes the published checklist by position', () => {
    expect(checklist.map((item) => item.code)).toEqual(['TP1', 'TP2', 'TP3', 'TP4']);
    expect(checklist[0]).toMatchObject({ required: true, accepts: ['original'] });
  });

  it('accepts a complete dossier and lists it in published order', () => {
    const checked = checkComponents(checklist, [
      { code: 'TP2', kind: 'copy', count: 1 },
      { code: 'TP1', kind: 'original', count: 1 },
    ]);
    expect(checked.map((c) => c.code)).toEqual(['TP1', 'TP2']);
    expect(checked[0].name).toBe(checklist[0].name);
  });

  it('lists every missing required component back by its Vietnamese name', () => {
    const error = errorOf(() => checkComponents(checklist, [{ code: 'TP3', kind: 'copy', count: 1 }]));
    expect(error.code).toBe('components.missing');
    expect(error.messageVi).toContain(checklist[0].name);
    expect(error.messageVi).toContain(checklist[1].name);
    expect(error.messageVi).not.toContain(checklist[2].name);
    expect((error.details as { missingComponents: { code: string }[] }).missingComponents.map((m) => m.code)).toEqual(['TP1', 'TP2']);
  });

  it('refuses a form the agency does not accept, an unknown line, a duplicate and absurd counts', () => {
    expect(errorOf(() => checkComponents(checklist, [{ code: 'TP1', kind: 'copy', count: 1 }])).code).toBe('components.form-not-accepted');
    expect(errorOf(() => checkComponents(checklist, [{ code: 'TP9', kind: 'copy', count: 1 }])).code).toBe('components.unknown');
    expect(errorOf(() => checkComponents(checklist, [{ code: 'TP1', kind: 'original', count: 0 }])).code).toBe('components.count');
    expect(errorOf(() => checkComponents(checklist, [{ code: 'TP1', kind: 'original', count: 101 }])).code).toBe('components.count');
    const duplicate = errorOf(() =>
      checkComponents(checklist, [
        { code: 'TP4', kind: 'copy', count: 1 },
        { code: 'TP4', kind: 'copy', count: 1 },
      ]),
    );
    expect(duplicate.code).toBe('components.duplicate');
  });

  it('counts a required component short of its published number as missing', () => {
    const doubled = checklist.map((item) => (item.code === 'TP1' ? { ...item, count: 2 } : item));
    const error = errorOf(() =>
      checkComponents(doubled, [
        { code: 'TP1', kind: 'original', count: 1 },
        { code: 'TP2', kind: 'copy', count: 1 },
      ]),
    );
    expect(error.messageVi).toContain('cần 2, mới có 1');
  });
});
