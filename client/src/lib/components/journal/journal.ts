// Pure helpers of the journal pages (issue 6): shared by the list, the grid and the lesson editor.

/** Fills `{name}` placeholders of a message. */
export function fill(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}

/** Today as YYYY-MM-DD on the browser's or server's clock (school days, not instants). */
export function todayIso(now = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

/** 2026-11-30 → 30.11, as dates are written in a Russian journal. */
export function shortDate(iso: string): string {
  const [, month, day] = iso.split('-');
  return `${day}.${month}`;
}

/** 2026-11-30 → 30.11.2026. */
export function fullDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}.${month}.${year}`;
}

/** A work type's name as a narrow column shows it: «Контрольная работа» → «КР». */
export function abbreviation(name: string): string {
  const words = name.split(/\s+/).filter((w) => w.length > 2);
  const letters = (words.length > 0 ? words : [name]).map((w) => w[0]!.toUpperCase()).join('');
  return letters.slice(0, 3);
}

interface PeriodLike {
  id: string;
  startsOn: string;
  endsOn: string;
  gradeLevels: readonly number[];
}

/** The reporting periods that apply to a class of `gradeLevel`, by start date. */
export function periodsOfGrade<P extends PeriodLike>(
  periods: readonly P[],
  gradeLevel: number,
): P[] {
  return periods
    .filter((p) => p.gradeLevels.includes(gradeLevel))
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn) || b.endsOn.localeCompare(a.endsOn));
}

/**
 * The period a page opens on: the shortest one containing today (a quarter before the year), else
 * the last one already begun, else the first.
 */
export function defaultPeriod<P extends PeriodLike>(
  periods: readonly P[],
  today: string,
): P | null {
  const span = (p: P) => Date.parse(p.endsOn) - Date.parse(p.startsOn);
  const current = periods
    .filter((p) => p.startsOn <= today && today <= p.endsOn)
    .sort((a, b) => span(a) - span(b));
  if (current[0]) {
    return current[0];
  }
  const begun = periods.filter((p) => p.startsOn <= today);
  return begun[begun.length - 1] ?? periods[0] ?? null;
}

/**
 * A new idempotency key for one attempt of a mutation (the API applies a retried key once).
 * crypto.randomUUID needs a secure context; school servers on plain http get getRandomValues.
 */
export function newClientMutationId(): string {
  if (typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Mean and weighted mean rounded to two decimals, as the API computes them (R-JRN-5). */
export function averages(marks: readonly { value: string; weight: number }[]): {
  plain: number | null;
  weighted: number | null;
} {
  const numeric = marks
    .map((m) => ({ value: Number(m.value), weight: m.weight }))
    .filter((m) => Number.isFinite(m.value));
  if (numeric.length === 0) {
    return { plain: null, weighted: null };
  }
  const round2 = (n: number) => Math.round(n * 100) / 100;
  const sum = numeric.reduce((s, m) => s + m.value, 0);
  const weights = numeric.reduce((s, m) => s + m.weight, 0);
  const weighted = numeric.reduce((s, m) => s + m.value * m.weight, 0);
  return { plain: round2(sum / numeric.length), weighted: round2(weighted / weights) };
}

/** The marks a school's scale allows (R-JRN-3), to tell a typo before asking the API. */
export function scaleRange(scale: 'FIVE_POINT' | 'TEN_POINT' | 'PERCENT'): {
  min: number;
  max: number;
} {
  switch (scale) {
    case 'FIVE_POINT':
      return { min: 1, max: 5 };
    case 'TEN_POINT':
      return { min: 1, max: 10 };
    case 'PERCENT':
      return { min: 0, max: 100 };
  }
}

/** A change of one cell as the live feed reports it (journalPageChanged). */
export interface GridEvent {
  kind: string;
  lessonId: string;
  studentId: string;
  markId?: string | null;
  value?: string | null;
  attendanceId?: string | null;
  attendanceStatus?: string | null;
  minutesLate?: number | null;
  /** The weight of a new mark: its lesson's work type's. */
  weight?: number | null;
}
