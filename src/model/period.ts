/** A period runs from `from` (inclusive) to `to` (exclusive); a missing bound is open. Dates are ISO strings. */
export function periodState(from: unknown, to: unknown, date: string): 'BEFORE' | 'DURING' | 'AFTER' {
  if (typeof from === 'string' && date < from) return 'BEFORE';
  if (typeof to === 'string' && date >= to) return 'AFTER';
  return 'DURING';
}

export function holdsOn(period: Readonly<Record<string, unknown>>, date: string): boolean {
  return periodState(period.validFrom, period.validTo, date) === 'DURING';
}

/** Today as a calendar date in UTC: the default of every asOf, on the server, in the CLI and the explorer alike. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Adds days to an ISO date. */
export function addDays(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}
