import { allow } from 'graphql-shield';
import type { PermissionMap } from '../../auth/permissions.js';
import { hasAnyRole } from '../../auth/rules.js';
import { ADMINISTRATION } from '../../auth/viewer.js';
import { STRUCTURE_READERS } from '../year/year-access.js';

const administration = () => hasAnyRole(...ADMINISTRATION);

/**
 * The timetable (R-YEAR-4): the school's staff read it, the administration writes it; students and
 * parents see their own class's timetable through the diary. The services check the school
 * (NOT_FOUND for another school's ids, FORBIDDEN for staff who only read).
 */
export const timetablePermissions: PermissionMap = {
  Query: {
    timetable: hasAnyRole(...STRUCTURE_READERS),
    bellTimes: hasAnyRole(...STRUCTURE_READERS),
  },
  Mutation: {
    setBellTimes: administration(),
    createTimetableSlot: administration(),
    updateTimetableSlot: administration(),
    endTimetableSlot: administration(),
    publishTimetableChange: administration(),
  },
  BellTime: allow,
  TimetableSlot: allow,
  TimetableChange: allow,
  TimetableConflict: allow,
  TimetableSlotPayload: allow,
  PublishTimetableChangePayload: allow,
  TimetableEntry: allow,
  TimetableDay: allow,
  ClassTimetable: allow,
};
