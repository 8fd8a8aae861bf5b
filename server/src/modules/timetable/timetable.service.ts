import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer.js';
import {
  assertUnreachable,
  badInput,
  DomainError,
  ErrorCode,
  notFound,
} from '../../core/errors.js';
import { requireId } from '../../core/ids.js';
import { addDays, isoWeekday, weekEntries, weekOf } from '../diary/diary-timetable.js';
import { Lesson } from '../journal/lesson.entity.js';
import { isoDateInput, optionalText } from '../journal/text-inputs.js';
import { Person } from '../people/person.entity.js';
import { AcademicYear } from '../year/academic-year.entity.js';
import { PeriodKind, ReportingPeriod } from '../year/reporting-period.entity.js';
import { classFor, requireYearOpen } from '../year/structure.service.js';
import { TeachingAssignment } from '../year/teaching-assignment.entity.js';
import {
  audit,
  flushMapped,
  isTeacherOf,
  requireAdministration,
  requireReader,
} from '../year/year-access.js';
import { BellTime } from './bell-time.entity.js';
import { TimetableChange, TimetableChangeKind } from './timetable-change.entity.js';
import { TimetableSlot } from './timetable-slot.entity.js';
import { checkBellTimes, lessonNumberInput, weekdayInput } from './timetable-rules.js';
import type {
  CreateTimetableSlotInput,
  EndTimetableSlotInput,
  PublishTimetableChangeInput,
  SetBellTimesInput,
  UpdateTimetableSlotInput,
} from './timetable.inputs.js';
import {
  BellTimeView,
  ClassTimetable,
  TimetableChangeView,
  TimetableConflict,
  TimetableEntry,
  TimetableSlotView,
} from './timetable.types.js';

const MAX_ROOM = 30;

// ---------------------------------------------------------------------------------------------
// Views

const hhmm = (time: string) => time.slice(0, 5);

export const bellView = (b: BellTime) =>
  Object.assign(new BellTimeView(), {
    lessonNumber: b.lessonNumber,
    startsAt: hhmm(b.startsAt),
    endsAt: hhmm(b.endsAt),
  });

export const slotView = (s: TimetableSlot) =>
  Object.assign(new TimetableSlotView(), {
    id: s.id,
    weekday: s.weekday,
    lessonNumber: s.lessonNumber,
    room: s.room ?? null,
    validFrom: s.validFrom,
    validTo: s.validTo ?? null,
    assignmentId: s.assignment.id,
  });

export const changeView = (c: TimetableChange) =>
  Object.assign(new TimetableChangeView(), {
    id: c.id,
    date: c.date,
    kind: c.kind,
    lessonNumber: c.lessonNumber,
    room: c.room ?? null,
    note: c.note ?? null,
    publishedAt: c.publishedAt ?? null,
    slotId: c.slot?.id ?? null,
    assignmentId: c.assignment.id,
    substituteTeacherId: c.substituteTeacher?.id ?? null,
  });

const slotSnapshot = (s: TimetableSlot) => ({
  assignmentId: s.assignment.id,
  weekday: s.weekday,
  lessonNumber: s.lessonNumber,
  room: s.room ?? null,
  validFrom: s.validFrom,
  validTo: s.validTo ?? null,
});

// ---------------------------------------------------------------------------------------------
// Inputs and lookups

const absent = (v: unknown): v is null | undefined => v === null || v === undefined;

const roomInput = (value: string | null | undefined, field: string) =>
  optionalText(value, field, MAX_ROOM);

/** A page of a school the viewer reads (else NOT_FOUND), which its administration writes. */
async function assignmentToWrite(em: EntityManager, viewer: Viewer, id: string, field: string) {
  const assignment = await em.findOne(TeachingAssignment, requireId(id, field));
  if (!assignment) {
    throw notFound(field);
  }
  requireReader(viewer, assignment.school.id, field);
  requireAdministration(viewer, assignment.school.id, field);
  return assignment;
}

/** The slot row locked for the transaction: two changes of one slot never both end it. */
async function slotToWrite(em: EntityManager, viewer: Viewer, id: string, field: string) {
  const slot = await em.findOne(TimetableSlot, requireId(id, field), {
    lockMode: LockMode.PESSIMISTIC_WRITE,
  });
  if (!slot) {
    throw notFound(field);
  }
  requireReader(viewer, slot.school.id, field);
  requireAdministration(viewer, slot.school.id, field);
  await em.populate(slot, ['assignment']);
  return slot;
}

/** The page's year, for a write: a closed year's timetable is as final as its journals (R-DATA-2). */
async function openYearOf(em: EntityManager, assignment: TeachingAssignment, field: string) {
  const year = await em.findOneOrFail(AcademicYear, assignment.year.id);
  requireYearOpen(year, field);
  return year;
}

function dateInYear(year: AcademicYear, value: string, field: string) {
  const date = isoDateInput(value, field);
  if (date < year.startsOn || date > year.endsOn) {
    throw badInput(field, 'timetable.outsideYear');
  }
  return date;
}

/** Serialises timetable writes of a school: the "taken twice" checks read before they write. */
async function lockTimetable(em: EntityManager, schoolId: string) {
  await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`timetable:${schoolId}`]);
}

// ---------------------------------------------------------------------------------------------
// A timetable slot taken twice (R-YEAR-4)

interface Place {
  /** The slot being replaced, left out of the check. */
  excludeId: string | null;
  assignment: TeachingAssignment;
  weekday: number;
  lessonNumber: number;
  room: string | null;
  validFrom: string;
  validTo: string | null;
  /** Who teaches there: default the page's teacher (a substitute for a substitution). */
  teacherId?: string;
  /** Slots vacated on the day by a published cancellation or move (one-day checks). */
  ignore?: ReadonlySet<string>;
}

/**
 * Refuses a place of the week already taken on overlapping dates by the same teacher, the same
 * room, or the same students: the whole class, or a subgroup or individual-plan student sharing a
 * student with this page's audience. Subgroups of one class with no student in common (the two
 * English groups) run in parallel.
 */
async function refuseTaken(em: EntityManager, place: Place): Promise<void> {
  const a = place.assignment;
  const subgroupId = a.subgroup?.id ?? null;
  const individualId = a.individualStudent?.id ?? null;
  const rows = await em.execute<{ id: string; what: 'CLASS' | 'TEACHER' | 'ROOM' }[]>(
    `with x as (
       select m.student_id, daterange(m.starts_on, m.ends_on, '[)') as r
         from subgroup_membership m where m.subgroup_id = ?::uuid
       union all
       select ?::uuid, daterange(null::date, null::date) where ?::uuid is not null)
     select s.id,
            case when b.school_class_id = ?::uuid and (
                   (?::uuid is null and ?::uuid is null)
                   or (b.subgroup_id is null and b.individual_student_id is null)
                   or b.subgroup_id = ?::uuid or b.individual_student_id = ?::uuid
                   or exists (
                     select 1 from x join (
                         select m.student_id, daterange(m.starts_on, m.ends_on, '[)') as r
                           from subgroup_membership m where m.subgroup_id = b.subgroup_id
                         union all
                         select b.individual_student_id, daterange(null::date, null::date)
                          where b.individual_student_id is not null) y
                       on y.student_id = x.student_id
                      and (x.r * y.r) && (daterange(s.valid_from, s.valid_to, '[)')
                                          * daterange(?::date, ?::date, '[)'))))
                 then 'CLASS'
                 when b.teacher_id = ?::uuid then 'TEACHER'
                 else 'ROOM' end as what
       from timetable_slot s join teaching_assignment b on b.id = s.assignment_id
      where s.school_id = ?::uuid and s.weekday = ? and s.lesson_number = ?
        and s.id <> coalesce(?::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
        and daterange(s.valid_from, s.valid_to, '[)') && daterange(?::date, ?::date, '[)')
     order by s.valid_from`,
    [
      subgroupId,
      individualId,
      individualId,
      a.schoolClass.id,
      subgroupId,
      individualId,
      subgroupId,
      individualId,
      place.validFrom,
      place.validTo,
      place.teacherId ?? a.teacher.id,
      a.school.id,
      place.weekday,
      place.lessonNumber,
      place.excludeId,
      place.validFrom,
      place.validTo,
    ],
  );
  // A ROOM row of another room is no clash: filter rooms here, where the comparison is plain.
  const rooms =
    place.room === null
      ? new Set<string>()
      : new Set(
          (
            await em.find(TimetableSlot, {
              id: { $in: rows.filter((r) => r.what === 'ROOM').map((r) => r.id) },
            })
          )
            .filter((s) => s.room?.toLowerCase() === place.room!.toLowerCase())
            .map((s) => s.id),
        );
  const clash = rows.find(
    (r) => !place.ignore?.has(r.id) && (r.what !== 'ROOM' || rooms.has(r.id)),
  );
  if (clash) {
    throw slotTaken(clash.what, clash.id);
  }
}

/**
 * The one-day form of the check, for a change that puts a lesson somewhere on `date`: the weekly
 * slots running then (less those vacated that day by a published cancellation or move) and the
 * published changes that already put a lesson, a substitute or a room there.
 */
async function refuseTakenOn(
  em: EntityManager,
  place: Omit<Place, 'weekday' | 'validFrom' | 'validTo' | 'ignore'> & { date: string },
): Promise<void> {
  const { monday, sunday } = weekOf(place.date);
  const vacating = await em.find(TimetableChange, {
    school: place.assignment.school.id,
    publishedAt: { $ne: null },
    slot: { $ne: null },
    $or: [
      { kind: TimetableChangeKind.CANCELLED, date: place.date },
      { kind: TimetableChangeKind.MOVED, date: { $gte: monday, $lte: sunday } },
    ],
  });
  await refuseTaken(em, {
    ...place,
    weekday: isoWeekday(place.date),
    validFrom: place.date,
    validTo: addDays(place.date, 1),
    ignore: new Set(vacating.map((c) => c.slot!.id)),
  });
  const a = place.assignment;
  const teacherId = place.teacherId ?? a.teacher.id;
  const rows = await em.execute<
    { class_clash: boolean; teacher_clash: boolean; room_clash: boolean }[]
  >(
    `select c.kind in ('MOVED', 'ADDED') and b.school_class_id = ?::uuid
              and (?::uuid is null or b.subgroup_id is null or b.subgroup_id = ?::uuid) as class_clash,
            coalesce(c.substitute_teacher_id, b.teacher_id) = ?::uuid
              and (c.kind in ('MOVED', 'ADDED') or c.substitute_teacher_id is not null)
              as teacher_clash,
            coalesce(c.kind in ('MOVED', 'ADDED', 'ROOM_CHANGE')
              and lower(c.room) = lower(?::text), false) as room_clash
       from timetable_change c join teaching_assignment b on b.id = c.assignment_id
      where c.school_id = ? and c.date = ?::date and c.lesson_number = ?
        and c.published_at is not null and c.assignment_id <> ?`,
    [
      a.schoolClass.id,
      a.subgroup?.id ?? null,
      a.subgroup?.id ?? null,
      teacherId,
      place.room,
      a.school.id,
      place.date,
      place.lessonNumber,
      a.id,
    ],
  );
  for (const what of ['CLASS', 'TEACHER', 'ROOM'] as const) {
    const key = `${what.toLowerCase()}_clash` as 'class_clash' | 'teacher_clash' | 'room_clash';
    if (rows.some((r) => r[key])) {
      throw slotTaken(what);
    }
  }
}

const slotTaken = (what: 'CLASS' | 'TEACHER' | 'ROOM', slotId?: string) =>
  new DomainError(ErrorCode.BAD_USER_INPUT, 'timetable.slotTaken', {
    field: 'lessonNumber',
    params: { what: what.toLowerCase() },
    details: { takenBy: what, ...(slotId ? { slotId } : {}) },
  });

const TAKEN_CONSTRAINTS = { timetable_slot_no_overlap: () => slotTaken('CLASS') };

// ---------------------------------------------------------------------------------------------
// Recorded lessons a change leaves behind (R-YEAR-4: they keep their records, and are reported)

async function recordedLessonsAt(
  em: EntityManager,
  place: {
    assignmentId: string;
    weekday: number;
    lessonNumber: number;
    from: string;
    to: string | null;
  },
): Promise<TimetableConflict[]> {
  const rows = await em.execute<
    { id: string; marks: number; attendance: number; homework: number; recorded: boolean }[]
  >(
    `select l.id,
            (select count(*)::int from mark k where k.lesson_id = l.id) as marks,
            (select count(*)::int from attendance t where t.lesson_id = l.id) as attendance,
            (select count(*)::int from homework h where h.lesson_id = l.id) as homework,
            l.status <> 'PLANNED' or l.topic is not null as recorded
       from lesson l
      where l.assignment_id = ? and l.lesson_number = ? and l.date >= ?::date
        and (?::date is null or l.date < ?::date) and extract(isodow from l.date) = ?
      order by l.date`,
    [place.assignmentId, place.lessonNumber, place.from, place.to, place.to, place.weekday],
  );
  const kept = rows.filter((r) => r.recorded || r.marks + r.attendance + r.homework > 0);
  if (kept.length === 0) {
    return [];
  }
  const lessons = new Map(
    (await em.find(Lesson, { id: { $in: kept.map((r) => r.id) } })).map((l) => [l.id, l]),
  );
  return kept.map((r) =>
    Object.assign(new TimetableConflict(), {
      lesson: lessons.get(r.id)!,
      markCount: r.marks,
      attendanceCount: r.attendance,
      homeworkCount: r.homework,
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Bell times

/** Replaces a school's bell schedule (R-YEAR-4): lessons in order, none overlapping. */
export async function setBellTimes(em: EntityManager, viewer: Viewer, input: SetBellTimesInput) {
  const schoolId = requireId(input.schoolId, 'schoolId');
  requireReader(viewer, schoolId, 'schoolId');
  requireAdministration(viewer, schoolId, 'schoolId');
  const sorted = checkBellTimes(input.times);
  return em.transactional(async (tx) => {
    const existing = await tx.find(
      BellTime,
      { school: schoolId },
      { orderBy: { lessonNumber: 'asc' } },
    );
    const before = existing.map(bellView);
    const byNumber = new Map(existing.map((b) => [b.lessonNumber, b]));
    for (const t of sorted) {
      const row = byNumber.get(t.lessonNumber);
      if (row) {
        row.startsAt = `${t.startsAt}:00`;
        row.endsAt = `${t.endsAt}:00`;
        byNumber.delete(t.lessonNumber);
      } else {
        tx.persist(
          tx.create(BellTime, {
            school: schoolId,
            lessonNumber: t.lessonNumber,
            startsAt: `${t.startsAt}:00`,
            endsAt: `${t.endsAt}:00`,
          }),
        );
      }
    }
    for (const gone of byNumber.values()) {
      tx.remove(gone);
    }
    audit(tx, viewer, {
      schoolId,
      entityType: 'BellSchedule',
      entityId: schoolId,
      action: 'set',
      before: { times: before.map((b) => ({ ...b })) },
      after: { times: sorted },
    });
    await tx.flush();
    const rows = await tx.find(
      BellTime,
      { school: schoolId },
      { orderBy: { lessonNumber: 'asc' } },
    );
    return rows.map(bellView);
  });
}

export async function bellTimes(em: EntityManager, viewer: Viewer, schoolIdInput: string) {
  const schoolId = requireId(schoolIdInput, 'schoolId');
  requireReader(viewer, schoolId, 'schoolId');
  const rows = await em.find(BellTime, { school: schoolId }, { orderBy: { lessonNumber: 'asc' } });
  return rows.map(bellView);
}

// ---------------------------------------------------------------------------------------------
// Weekly slots

/** Puts a page into the weekly timetable from a date to the end of the page (R-YEAR-4). */
export async function createTimetableSlot(
  em: EntityManager,
  viewer: Viewer,
  input: CreateTimetableSlotInput,
) {
  return em.transactional(async (tx) => {
    const assignment = await assignmentToWrite(tx, viewer, input.assignmentId, 'assignmentId');
    const year = await openYearOf(tx, assignment, 'assignmentId');
    const weekday = weekdayInput(input.weekday, 'weekday');
    const lessonNumber = lessonNumberInput(input.lessonNumber, 'lessonNumber');
    const room = roomInput(input.room, 'room');
    const pageStarts = assignment.startsOn ?? year.startsOn;
    const validFrom = input.validFrom ? dateInYear(year, input.validFrom, 'validFrom') : pageStarts;
    const validTo = assignment.endsOn ?? null;
    if (validFrom < pageStarts || (validTo && validFrom >= validTo)) {
      // The page is kept by another teacher then: their row has its own slots.
      throw badInput('validFrom', 'timetable.outsideYear');
    }
    await lockTimetable(tx, assignment.school.id);
    const place = { assignment, weekday, lessonNumber, room, validFrom, validTo };
    await refuseTaken(tx, { ...place, excludeId: null });
    const slot = tx.create(TimetableSlot, {
      school: assignment.school,
      year,
      ...place,
    });
    tx.persist(slot);
    audit(tx, viewer, {
      schoolId: assignment.school.id,
      entityType: 'TimetableSlot',
      entityId: slot.id,
      action: 'create',
      after: slotSnapshot(slot),
    });
    await flushMapped(tx, TAKEN_CONSTRAINTS);
    return slotView(slot);
  });
}

/** The slot must be in force on `from` and the change start after its first day (else in place). */
function changeDate(slot: TimetableSlot, year: AcademicYear, value: string) {
  const from = dateInYear(year, value, 'from');
  if (from < slot.validFrom) {
    throw badInput('from', 'timetable.fromBeforeSlot');
  }
  if (slot.validTo && from >= slot.validTo) {
    throw badInput('from', 'timetable.fromAfterSlot');
  }
  return from;
}

/**
 * Changes a slot from a date (R-YEAR-4): the slot ends the day before and a new one starts, so the
 * timetable up to then stays as it was. Lessons already entered at the old place from that date
 * are never deleted or moved: they keep their marks, attendance and topic, and are reported.
 */
export async function updateTimetableSlot(
  em: EntityManager,
  viewer: Viewer,
  input: UpdateTimetableSlotInput,
) {
  return em.transactional(async (tx) => {
    const slot = await slotToWrite(tx, viewer, input.slotId, 'slotId');
    const year = await openYearOf(tx, slot.assignment, 'slotId');
    const from = changeDate(slot, year, input.from);
    const reason = optionalText(input.reason, 'reason', 500);
    const weekday = absent(input.weekday) ? slot.weekday : weekdayInput(input.weekday, 'weekday');
    const lessonNumber = absent(input.lessonNumber)
      ? slot.lessonNumber
      : lessonNumberInput(input.lessonNumber, 'lessonNumber');
    const room = absent(input.room) ? (slot.room ?? null) : roomInput(input.room, 'room');
    if (
      weekday === slot.weekday &&
      lessonNumber === slot.lessonNumber &&
      room === (slot.room ?? null)
    ) {
      throw badInput('from', 'timetable.nothingChanged');
    }
    await lockTimetable(tx, slot.school.id);
    const validTo = slot.validTo ?? null;
    await refuseTaken(tx, {
      excludeId: slot.id,
      assignment: slot.assignment,
      weekday,
      lessonNumber,
      room,
      validFrom: from,
      validTo,
    });
    const moved = weekday !== slot.weekday || lessonNumber !== slot.lessonNumber;
    const conflicts = moved
      ? await recordedLessonsAt(tx, {
          assignmentId: slot.assignment.id,
          weekday: slot.weekday,
          lessonNumber: slot.lessonNumber,
          from,
          to: validTo,
        })
      : [];
    const before = slotSnapshot(slot);
    const actor = { schoolId: slot.school.id, reason };
    let current = slot;
    let previous: TimetableSlot | null = null;
    if (from === slot.validFrom) {
      // Nothing of the old place has been in force: the slot itself changes (audited).
      Object.assign(slot, { weekday, lessonNumber, room });
      audit(tx, viewer, {
        ...actor,
        entityType: 'TimetableSlot',
        entityId: slot.id,
        action: 'update',
        before,
        after: slotSnapshot(slot),
      });
    } else {
      slot.validTo = from;
      audit(tx, viewer, {
        ...actor,
        entityType: 'TimetableSlot',
        entityId: slot.id,
        action: 'end',
        before,
        after: slotSnapshot(slot),
      });
      // The end reaches the database before the new row (the exclusion constraint).
      await flushMapped(tx, TAKEN_CONSTRAINTS);
      current = tx.create(TimetableSlot, {
        school: slot.school,
        year: slot.year,
        assignment: slot.assignment,
        weekday,
        lessonNumber,
        room,
        validFrom: from,
        validTo,
      });
      tx.persist(current);
      audit(tx, viewer, {
        ...actor,
        entityType: 'TimetableSlot',
        entityId: current.id,
        action: 'create',
        after: { ...slotSnapshot(current), previousSlotId: slot.id },
      });
      previous = slot;
    }
    await flushMapped(tx, TAKEN_CONSTRAINTS);
    return {
      slot: slotView(current),
      previousSlot: previous ? slotView(previous) : null,
      conflicts,
    };
  });
}

/** Takes a slot out of the timetable from a date; lessons entered there stay and are reported. */
export async function endTimetableSlot(
  em: EntityManager,
  viewer: Viewer,
  input: EndTimetableSlotInput,
) {
  return em.transactional(async (tx) => {
    const slot = await slotToWrite(tx, viewer, input.slotId, 'slotId');
    const year = await openYearOf(tx, slot.assignment, 'slotId');
    const from = changeDate(slot, year, input.from);
    if (from === slot.validFrom) {
      // A slot keeps at least its first day: its history is never erased.
      throw badInput('from', 'timetable.fromBeforeSlot');
    }
    const reason = optionalText(input.reason, 'reason', 500);
    const conflicts = await recordedLessonsAt(tx, {
      assignmentId: slot.assignment.id,
      weekday: slot.weekday,
      lessonNumber: slot.lessonNumber,
      from,
      to: slot.validTo ?? null,
    });
    const before = slotSnapshot(slot);
    slot.validTo = from;
    audit(tx, viewer, {
      schoolId: slot.school.id,
      entityType: 'TimetableSlot',
      entityId: slot.id,
      action: 'end',
      before,
      after: slotSnapshot(slot),
      reason,
    });
    await tx.flush();
    return { slot: slotView(slot), previousSlot: null, conflicts };
  });
}

// ---------------------------------------------------------------------------------------------
// Dated changes

const runsOn = (slot: TimetableSlot, date: string) =>
  slot.weekday === isoWeekday(date) &&
  slot.validFrom <= date &&
  (!slot.validTo || slot.validTo > date);

/**
 * Publishes a one-day change (R-YEAR-4) to the diaries of the students the page reaches (the
 * diary reads published changes). A recorded lesson at a cancelled or vacated place keeps its
 * records and is reported.
 */
export async function publishTimetableChange(
  em: EntityManager,
  viewer: Viewer,
  input: PublishTimetableChangeInput,
) {
  return em.transactional(async (tx) => {
    const kind = input.kind;
    let slot: TimetableSlot | null = null;
    let assignment: TeachingAssignment;
    if (kind === TimetableChangeKind.ADDED) {
      if (!input.assignmentId) {
        throw badInput('assignmentId', 'timetable.assignmentRequired');
      }
      assignment = await assignmentToWrite(tx, viewer, input.assignmentId, 'assignmentId');
    } else {
      if (!input.slotId) {
        throw badInput('slotId', 'timetable.slotRequired');
      }
      slot = await slotToWrite(tx, viewer, input.slotId, 'slotId');
      assignment = slot.assignment;
    }
    const schoolId = assignment.school.id;
    const year = await openYearOf(
      tx,
      assignment,
      kind === TimetableChangeKind.ADDED ? 'assignmentId' : 'slotId',
    );
    const date = dateInYear(year, input.date, 'date');
    const note = optionalText(input.note, 'note', 500);
    const room = roomInput(input.room, 'room');
    let lessonNumber: number;
    let substitute: Person | null = null;
    let conflicts: TimetableConflict[] = [];
    const requiredNumber = () => {
      if (absent(input.lessonNumber)) {
        throw badInput('lessonNumber', 'input.required');
      }
      return lessonNumberInput(input.lessonNumber, 'lessonNumber');
    };
    const onlyThatDay = (s: TimetableSlot, day: string) =>
      recordedLessonsAt(tx, {
        assignmentId: s.assignment.id,
        weekday: s.weekday,
        lessonNumber: s.lessonNumber,
        from: day,
        to: addDays(day, 1),
      });
    switch (kind) {
      case TimetableChangeKind.CANCELLED:
      case TimetableChangeKind.SUBSTITUTION:
      case TimetableChangeKind.ROOM_CHANGE: {
        if (!runsOn(slot!, date)) {
          throw badInput('date', 'timetable.slotNotOnDate');
        }
        lessonNumber = slot!.lessonNumber;
        if (kind === TimetableChangeKind.CANCELLED) {
          conflicts = await onlyThatDay(slot!, date);
        }
        if (kind === TimetableChangeKind.ROOM_CHANGE && !room) {
          throw badInput('room', 'input.required');
        }
        if (kind === TimetableChangeKind.SUBSTITUTION) {
          if (!input.substituteTeacherId) {
            throw badInput('substituteTeacherId', 'input.required');
          }
          const id = requireId(input.substituteTeacherId, 'substituteTeacherId');
          if (!(await isTeacherOf(tx, schoolId, id))) {
            throw badInput('substituteTeacherId', 'substitution.notATeacher');
          }
          if (id === assignment.teacher.id) {
            throw badInput('substituteTeacherId', 'substitution.sameTeacher');
          }
          substitute = tx.getReference(Person, id);
        }
        break;
      }
      case TimetableChangeKind.MOVED: {
        lessonNumber = requiredNumber();
        // The diary reads a move within its ISO week: the slot's lesson of that week gives way.
        const { days } = weekOf(date);
        const regular = days.find((d) => runsOn(slot!, d));
        if (!regular) {
          throw badInput('date', 'timetable.moveOutsideWeek');
        }
        if (regular === date && lessonNumber === slot!.lessonNumber) {
          throw badInput('lessonNumber', 'timetable.nothingChanged');
        }
        conflicts = await onlyThatDay(slot!, regular);
        break;
      }
      case TimetableChangeKind.ADDED:
        lessonNumber = requiredNumber();
        break;
      default:
        assertUnreachable(kind);
    }
    const duplicate = await tx.count(TimetableChange, {
      assignment,
      date,
      lessonNumber,
      kind,
      publishedAt: { $ne: null },
    });
    if (duplicate > 0) {
      throw badInput('date', 'timetable.changeDuplicate');
    }
    // The new place, teacher or room must be free that day (a slot taken twice, R-YEAR-4).
    if (kind !== TimetableChangeKind.CANCELLED) {
      await lockTimetable(tx, schoolId);
      await refuseTakenOn(tx, {
        excludeId: slot?.id ?? null,
        assignment,
        teacherId: substitute?.id,
        lessonNumber,
        room: kind === TimetableChangeKind.MOVED ? (room ?? slot!.room ?? null) : room,
        date,
      });
    }
    const change = tx.create(TimetableChange, {
      school: assignment.school,
      date,
      kind,
      slot,
      assignment,
      lessonNumber,
      substituteTeacher: substitute,
      room: kind === TimetableChangeKind.CANCELLED ? null : room,
      note,
      publishedAt: new Date(),
      createdBy: tx.getReference(Person, viewer.personId),
    });
    tx.persist(change);
    audit(tx, viewer, {
      schoolId,
      entityType: 'TimetableChange',
      entityId: change.id,
      action: 'publish',
      after: {
        kind,
        date,
        slotId: slot?.id ?? null,
        assignmentId: assignment.id,
        lessonNumber,
        room: change.room ?? null,
        substituteTeacherId: substitute?.id ?? null,
        note,
      },
    });
    await tx.flush();
    return { change: changeView(change), conflicts };
  });
}

// ---------------------------------------------------------------------------------------------
// The class timetable of a week

/**
 * A class's week as staff plan it (R-YEAR-4): the weekly slots of every page of the class (whole
 * class, subgroups, individual plans) with the week's changes, drafts included, and the lessons
 * already entered. The same arithmetic as the diary (diary-timetable.ts), so both agree.
 */
export async function classTimetable(
  em: EntityManager,
  viewer: Viewer,
  schoolClassId: string,
  weekOfInput: string,
): Promise<ClassTimetable> {
  const schoolClass = await classFor(em, viewer, schoolClassId, 'schoolClassId');
  const { monday, sunday, days } = weekOf(isoDateInput(weekOfInput, 'weekOf'));
  const [year, assignments, periods, bells] = await Promise.all([
    em.findOneOrFail(AcademicYear, schoolClass.year.id),
    em.find(TeachingAssignment, { schoolClass }),
    em.find(ReportingPeriod, { year: schoolClass.year.id, kind: { $ne: PeriodKind.YEAR } }),
    em.find(BellTime, { school: schoolClass.school.id }, { orderBy: { lessonNumber: 'asc' } }),
  ]);
  const ids = assignments.map((a) => a.id);
  const [slots, changes, lessons] =
    ids.length === 0
      ? [[], [], []]
      : await Promise.all([
          em.find(
            TimetableSlot,
            {
              assignment: { $in: ids },
              validFrom: { $lte: sunday },
              $or: [{ validTo: null }, { validTo: { $gt: monday } }],
            },
            { orderBy: { weekday: 'asc', lessonNumber: 'asc', validFrom: 'asc' } },
          ),
          em.find(
            TimetableChange,
            { assignment: { $in: ids }, date: { $gte: monday, $lte: sunday } },
            { orderBy: { date: 'asc', lessonNumber: 'asc', createdAt: 'asc' } },
          ),
          em.find(Lesson, { assignment: { $in: ids }, date: { $gte: monday, $lte: sunday } }),
        ]);
  const terms = periods.filter((p) => p.gradeLevels.includes(schoolClass.gradeLevel));
  const inTerm = (day: string) =>
    day >= year.startsOn &&
    day <= year.endsOn &&
    (terms.length === 0 || terms.some((p) => p.startsOn <= day && p.endsOn >= day));
  const pages = days.flatMap((day) =>
    assignments.map((a) => ({
      day,
      assignmentId: a.id,
      current: (!a.startsOn || a.startsOn <= day) && (!a.endsOn || a.endsOn > day),
      inTerm: inTerm(day),
    })),
  );
  const entries = weekEntries(
    pages,
    slots.map(slotView),
    changes.map((c) => ({
      ...changeView(c),
      substituteTeacherId: c.substituteTeacher?.id ?? null,
    })),
    lessons.map((l) => ({
      id: l.id,
      assignmentId: l.assignment.id,
      date: l.date,
      lessonNumber: l.lessonNumber ?? null,
      status: l.status,
      topic: l.topic ?? null,
      conductingTeacherId: l.conductingTeacher.id,
      workTypeId: l.workType?.id ?? null,
    })),
  );
  const bell = new Map(bells.map((b) => [b.lessonNumber, b]));
  return Object.assign(new ClassTimetable(), {
    schoolClassId: schoolClass.id,
    startsOn: monday,
    endsOn: sunday,
    bellTimes: bells.map(bellView),
    slots: slots.map(slotView),
    changes: changes.map(changeView),
    days: days.map((date) => ({
      date,
      weekday: isoWeekday(date),
      lessons: entries
        .filter((e) => e.date === date)
        .map((e) => {
          const time = e.lessonNumber === null ? undefined : bell.get(e.lessonNumber);
          return Object.assign(new TimetableEntry(), {
            date: e.date,
            lessonNumber: e.lessonNumber,
            startsAt: time ? hhmm(time.startsAt) : null,
            endsAt: time ? hhmm(time.endsAt) : null,
            room: e.room,
            status: e.status,
            change: e.change,
            changeNote: e.changeNote,
            slotId: e.slotId,
            lessonId: e.lessonId,
            assignmentId: e.assignmentId,
            teacherId: e.teacherId,
          });
        }),
    })),
  });
}
