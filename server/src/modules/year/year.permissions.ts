import { allow } from 'graphql-shield';
import type { PermissionMap } from '../../auth/permissions.js';
import { hasAnyRole } from '../../auth/rules.js';
import { ADMINISTRATION } from '../../auth/viewer.js';
import { Role } from '../people/role-assignment.entity.js';
import { LOAD_READERS, STRUCTURE_READERS } from './year-access.js';

const administration = () => hasAnyRole(...ADMINISTRATION);

/**
 * Roots carry the role gate; the services check the school (NOT_FOUND for another school's ids,
 * FORBIDDEN for staff who only read it). Types already declared by the journal module
 * (SchoolClass, Subject, ReportingPeriod, TeachingAssignment, PlannedTopic) are not repeated.
 */
export const yearPermissions: PermissionMap = {
  Query: {
    academicYears: hasAnyRole(...STRUCTURE_READERS),
    reportingPeriods: hasAnyRole(...STRUCTURE_READERS),
    schoolClasses: hasAnyRole(...STRUCTURE_READERS),
    subjects: hasAnyRole(...STRUCTURE_READERS),
    workTypes: hasAnyRole(...STRUCTURE_READERS),
    curriculum: hasAnyRole(...LOAD_READERS),
    teachingAssignments: hasAnyRole(...LOAD_READERS),
    // The page's teacher, a class teacher or the administration: the service checks which.
    plannedTopics: hasAnyRole(...LOAD_READERS),
    subgroups: hasAnyRole(...STRUCTURE_READERS),
  },
  Mutation: {
    createAcademicYear: administration(),
    createReportingPeriod: administration(),
    updateReportingPeriod: administration(),
    closeReportingPeriod: administration(),
    createSchoolClass: administration(),
    updateSchoolClass: administration(),
    createSubject: administration(),
    setCurriculum: administration(),
    assignTeacher: administration(),
    changeTeacher: administration(),
    copyYearStructure: administration(),
    // The teacher who keeps the page brings the plan they already have (issue 4).
    setPlannedTopics: hasAnyRole(Role.TEACHER, ...ADMINISTRATION),
    importPlannedTopics: hasAnyRole(Role.TEACHER, ...ADMINISTRATION),
    // The class teacher and the subject's teachers split the class too (R-ROLE-6): the service
    // checks which class and subject.
    createSubgroup: hasAnyRole(Role.TEACHER, ...ADMINISTRATION),
    setSubgroupMembers: hasAnyRole(Role.TEACHER, ...ADMINISTRATION),
    moveToSubgroup: hasAnyRole(Role.TEACHER, ...ADMINISTRATION),
  },
  AcademicYear: allow,
  CurriculumItem: allow,
  ImportPlannedTopicsPayload: allow,
  ImportProblem: allow,
  PlannedTopicRow: allow,
  CopyYearStructurePayload: allow,
  SubgroupMember: allow,
};
