import type { AbsenceReason, AttendanceStatus } from '#lib/graphql/graphql.ts';
import type { Messages } from '#lib/i18n/index.ts';

/** Family name first, as in school records: «Петрова Мария Ивановна». */
export function personName(p: {
  lastName: string;
  firstName: string;
  middleName?: string | null;
}): string {
  return [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');
}

type Texts = Messages['classroom'];

/** «Математика, 2-й урок»; the subject alone when the lesson has no number. */
export function lessonLabel(
  t: Texts,
  row: { subject: string | null; lessonNumber?: number | null },
): string {
  return [
    row.subject ?? t.dashboard.unknownSubject,
    row.lessonNumber === null || row.lessonNumber === undefined
      ? null
      : t.lessonNumber(row.lessonNumber),
  ]
    .filter(Boolean)
    .join(', ');
}

/** «Отсутствие · болезнь», «Опоздание на 10 мин», with «исправлено» after a correction. */
export function attendanceText(
  t: Texts,
  row: {
    status: AttendanceStatus;
    minutesLate?: number | null;
    reason?: AbsenceReason | null;
    correctedAt?: string | null;
  },
): string {
  return [
    row.status === 'LATE' ? t.lateFor(row.minutesLate ?? null) : t.status.ABSENT,
    row.reason ? t.reasons[row.reason] : null,
    row.correctedAt ? t.attendance.corrected : null,
  ]
    .filter(Boolean)
    .join(' · ');
}
