/**
 * The five stages of a dossier's journey (domain.md §3). Every timeline entry belongs to one; the
 * dossier's current stage is the stage of its latest event by event time.
 */
export const STAGES = ['intake', 'digitization', 'forwarding', 'agency', 'return'] as const;
export type Stage = (typeof STAGES)[number];

/** What a citizen or a clerk reads (public lookup, exports). */
export const STAGE_NAMES_VI: Readonly<Record<Stage, string>> = {
  intake: 'Tiếp nhận hồ sơ',
  digitization: 'Số hoá hồ sơ',
  forwarding: 'Chuyển hồ sơ đến cơ quan',
  agency: 'Cơ quan giải quyết',
  return: 'Trả kết quả',
};
