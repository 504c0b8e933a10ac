import { foldVietnamese } from '@bcci/kernel';

/** One line of the procedure's published checklist on the intake day (from @bcci/catalog). */
export interface ChecklistItem {
  readonly name: string;
  readonly required: boolean;
  readonly accepts: readonly ('original' | 'copy')[];
}

/** A component as the clerk declared it at intake (contracts: ComponentSummary). */
export interface DeclaredComponent {
  readonly componentId: string;
  readonly componentCode: string;
  readonly title: string;
  readonly originals: number;
  readonly copies: number;
  readonly required?: boolean;
}

export interface ResolvedComponent extends DeclaredComponent {
  readonly required: boolean;
  /** The electronic copy must be certified (chứng thực bản sao điện tử) before the dossier is complete. */
  readonly certificationRequired: boolean;
  /** Whether a checklist line was found for it (false: judged from the intake declaration alone). */
  readonly onChecklist: boolean;
}

/**
 * Joins the components declared at intake with the checklist of the intake day. The catalog has no
 * component codes, and intake writes the checklist's name as the component's title, so lines are matched
 * on the folded title (accents, case and spacing ignored).
 *
 * Rules:
 * - required: the checklist's word when the line is found; otherwise the intake declaration (true when
 *   absent, so an unknown component never makes a dossier complete by being ignored).
 * - certification required: the component was handed in as a copy (copies > 0), or the checklist
 *   accepts it only as a copy. Then the scan stands in for a copy and the operator must certify that it
 *   matches the paper (chứng thực bản sao điện tử). A component accepted as an original travels on paper
 *   to the agency; its scan is a record and needs no certification.
 */
export function resolveComponents(
  declared: readonly DeclaredComponent[],
  checklist: readonly ChecklistItem[] | undefined,
): ResolvedComponent[] {
  const byName = new Map<string, ChecklistItem>();
  for (const item of checklist ?? []) byName.set(foldVietnamese(item.name), item);
  return declared.map((component) => {
    const item = byName.get(foldVietnamese(component.title));
    const required = item ? item.required : (component.required ?? true);
    const copyOnly = item !== undefined && !item.accepts.includes('original');
    return {
      ...component,
      required,
      certificationRequired: component.copies > 0 || copyOnly,
      onChecklist: item !== undefined,
    };
  });
}
