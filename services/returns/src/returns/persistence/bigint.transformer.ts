/** PostgreSQL bigint comes back as text; VND amounts are safe integers. */
export const bigintNumber = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
