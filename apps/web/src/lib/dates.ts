/** Dates as the date inputs hold them (yyyy-mm-dd, in the reader's time zone). */
export function dateInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The start of a day of a date input, in the reader's time zone. */
export function startOfDay(value: string): Date {
  const [y, m, d] = value.split('-').map(Number);
  return new Date(y, m - 1, d);
}

/** The start of the day after, i.e. the (exclusive) end of the day. */
export function endOfDay(value: string): Date {
  const start = startOfDay(value);
  return new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1);
}

export const addDays = (date: Date, days: number) => new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
