/** The budgets of issue 4. KB = 1024 bytes. */
export interface Budget {
  name: string;
  value: number | null;
  limit: string;
  ok: boolean | null;
}

export function check(name: string, value: number | null | undefined, limit: number, direction: 'max' | 'min', unit = ''): Budget {
  const v = value === undefined || value === null || Number.isNaN(value) ? null : value;
  return {
    name,
    value: v,
    limit: `${direction === 'max' ? '≤' : '≥'} ${limit}${unit}`,
    ok: v === null ? null : direction === 'max' ? v <= limit : v >= limit,
  };
}
