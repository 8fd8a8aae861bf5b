import type { Role } from '#lib/graphql/graphql.ts';

/** The roles that open the administration pages (issue 6). */
export const ADMIN_ROLES: readonly Role[] = [
  'ADMINISTRATOR',
  'DIRECTOR',
  'DEPUTY',
  'RECORDS_CLERK',
];

/**
 * What the viewer may do here, mirroring the API's gates (server/src/modules/*\/*.permissions.ts):
 * the page only offers what the API would accept; the API still decides.
 */
export interface AdminAccess {
  /** Years, periods, classes, subjects, timetable: read by all four roles (STRUCTURE_READERS). */
  readStructure: boolean;
  /** Set them up: the administration (DIRECTOR, DEPUTY, ADMINISTRATOR). */
  writeStructure: boolean;
  /** The teacher load: the administration (LOAD_READERS without teachers). */
  readLoad: boolean;
  /** Rosters, movement, guardianships, imports of families: RECORD_KEEPERS. */
  keepRecords: boolean;
  /** The staff list: the administration and the records clerk (STAFF_READERS). */
  readStaff: boolean;
  /** Staff accounts and roles: the system administrator only (STAFF_KEEPERS). */
  keepStaff: boolean;
  /** Compromised accounts (R-AUTH-3): the administration (audit.permissions.ts). */
  handleCompromise: boolean;
  /** API clients for analytics tools: the administration (issue 8). */
  manageApiClients: boolean;
}

export function adminAccess(roles: readonly Role[]): AdminAccess {
  const has = (...wanted: Role[]) => wanted.some((r) => roles.includes(r));
  const administration = has('DIRECTOR', 'DEPUTY', 'ADMINISTRATOR');
  const clerk = has('RECORDS_CLERK');
  return {
    readStructure: administration || clerk,
    writeStructure: administration,
    readLoad: administration,
    keepRecords: administration || clerk,
    readStaff: administration || clerk,
    keepStaff: has('ADMINISTRATOR'),
    handleCompromise: administration,
    manageApiClients: administration,
  };
}

/** A date as YYYY-MM-DD, the API's date format. */
export const isoDate = (date: Date): string => date.toISOString().slice(0, 10);

/** The year running on a date, else the latest that started before it, else the first. */
export function currentYear<Y extends { startsOn: string; endsOn: string }>(
  years: readonly Y[],
  on: string,
): Y | null {
  const running = years.find((y) => y.startsOn <= on && on <= y.endsOn);
  if (running) {
    return running;
  }
  const started = years
    .filter((y) => y.startsOn <= on)
    .sort((a, b) => (a.startsOn < b.startsOn ? 1 : -1));
  return started[0] ?? years[0] ?? null;
}

/** Puts values into a message's `{name}` places. */
export const fill = (template: string, params: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.hasOwn(params, key) ? String(params[key]) : whole,
  );

/** A date from the API (YYYY-MM-DD) as people write it: 01.09.2026. */
export const shownDate = (iso: string | null | undefined): string =>
  iso ? iso.split('-').reverse().join('.') : '';

/** A person's name, family name first. */
export const personName = (p: {
  lastName: string;
  firstName: string;
  middleName?: string | null;
}) => [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');

/** The sections of the administration, each with the access that opens it. */
export const SECTIONS = [
  { key: 'year', href: '/admin/year', open: (a: AdminAccess) => a.readStructure },
  { key: 'students', href: '/admin/students', open: (a: AdminAccess) => a.keepRecords },
  { key: 'import', href: '/admin/students/import', open: (a: AdminAccess) => a.keepRecords },
  { key: 'staff', href: '/admin/staff', open: (a: AdminAccess) => a.readStaff },
  { key: 'classes', href: '/admin/classes', open: (a: AdminAccess) => a.readStructure },
  { key: 'subjects', href: '/admin/subjects', open: (a: AdminAccess) => a.readStructure },
  { key: 'load', href: '/admin/load', open: (a: AdminAccess) => a.readLoad },
  { key: 'timetable', href: '/admin/timetable', open: (a: AdminAccess) => a.readStructure },
  { key: 'compromise', href: '/admin/compromise', open: (a: AdminAccess) => a.handleCompromise },
  { key: 'apiClients', href: '/admin/api-clients', open: (a: AdminAccess) => a.manageApiClients },
] as const;
