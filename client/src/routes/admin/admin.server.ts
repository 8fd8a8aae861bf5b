import { error, fail, redirect } from '@sveltejs/kit';
import { createApolloClient } from '#lib/apollo.ts';
import { apiErrorOf } from '#lib/errors.ts';
import type { Role } from '#lib/graphql/graphql.ts';
import { graphql } from '#lib/graphql/index.ts';
import { messagesFor } from '#lib/i18n/index.ts';
import { ADMIN_ROLES, adminAccess, currentYear, isoDate, type AdminAccess } from './access.ts';

/** The school the viewer administers and what they may do there. */
export interface AdminScope {
  schoolId: string;
  schoolName: string;
  roles: Role[];
  access: AdminAccess;
}

/**
 * Who may open these pages: signed in, holding one of the four administrative roles at a school.
 * A person with several schools works in the first one listed (the API scopes every call to it).
 */
export function adminScope(locals: App.Locals): AdminScope {
  if (!locals.viewer) {
    redirect(303, '/signin');
  }
  const assignment = locals.viewer.roles.find((r) => ADMIN_ROLES.includes(r.role));
  if (!assignment) {
    error(403, messagesFor(locals.locale).admin.refused);
  }
  const roles = locals.viewer.roles
    .filter((r) => r.school.id === assignment.school.id)
    .map((r) => r.role);
  return {
    schoolId: assignment.school.id,
    schoolName: assignment.school.name,
    roles,
    access: adminAccess(roles),
  };
}

/** Refuses a section the viewer's roles do not open, as the API would. */
export function requireAccess(locals: App.Locals, allowed: (access: AdminAccess) => boolean) {
  const scope = adminScope(locals);
  if (!allowed(scope.access)) {
    error(403, messagesFor(locals.locale).admin.refused);
  }
  return scope;
}

export const apiFor = (locals: App.Locals, request: Request) =>
  createApolloClient({
    token: locals.token,
    locale: locals.locale,
    userAgent: request.headers.get('user-agent'),
  });

/**
 * What a refused form action returns: which form, the field the API blamed (shown beside it), its
 * message (already in the viewer's language) and what was typed, so nothing has to be retyped.
 */
export function refused(
  locals: App.Locals,
  action: string,
  thrown: unknown,
  values: Record<string, string> = {},
) {
  const apiError = apiErrorOf(thrown);
  const t = messagesFor(locals.locale);
  if (!apiError) {
    console.error(`classbook: admin action ${action} failed`, thrown);
    return fail(503, { action, field: null, error: t.errors.unavailable, values });
  }
  if (apiError.code === 'UNAUTHENTICATED') {
    redirect(303, '/signin');
  }
  const status = apiError.code === 'FORBIDDEN' ? 403 : apiError.code === 'NOT_FOUND' ? 404 : 400;
  return fail(status, { action, field: apiError.field, error: apiError.message, values });
}

/** A form left incomplete: refused here with the field at fault, before asking the API. */
export function missing(
  locals: App.Locals,
  action: string,
  field: string,
  values: Record<string, string> = {},
) {
  return fail(400, {
    action,
    field,
    error: messagesFor(locals.locale).errors.required,
    values,
  });
}

/** Every text field of a form, trimmed; files are left out. */
export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string') {
      values[key] = value.trim();
    }
  }
  return values;
}

/** The first of `names` left empty, if any. */
export const firstEmpty = (values: Record<string, string>, names: readonly string[]) =>
  names.find((name) => !values[name]);

/** An optional field: null when left empty (the API's "not given"). */
export const optional = (value: string | undefined) => (value ? value : null);

const YearsQuery = graphql(`
  query AdminYears($schoolId: ID!) {
    academicYears(schoolId: $schoolId) {
      id
      name
      startsOn
      endsOn
      closedAt
    }
  }
`);

/** The school's years and the one a page works in: `?year=` if given, else the current one. */
export async function yearsOf(api: ReturnType<typeof apiFor>, schoolId: string, url: URL) {
  const { data } = await api.query({ query: YearsQuery, variables: { schoolId } });
  const years = [...data.academicYears].sort((a, b) => (a.startsOn < b.startsOn ? 1 : -1));
  const wanted = url.searchParams.get('year');
  const year = years.find((y) => y.id === wanted) ?? currentYear(years, isoDate(new Date()));
  return { years, year };
}

/** Turns what a load threw into SvelteKit's error page with the API's message. */
export function loadFailed(locals: App.Locals, thrown: unknown): never {
  const apiError = apiErrorOf(thrown);
  if (apiError?.code === 'UNAUTHENTICATED') {
    redirect(303, '/signin');
  }
  if (apiError) {
    error(
      apiError.code === 'FORBIDDEN' ? 403 : apiError.code === 'NOT_FOUND' ? 404 : 400,
      apiError.message,
    );
  }
  console.error('classbook: admin load failed', thrown);
  error(503, messagesFor(locals.locale).errors.unavailable);
}

const TeachersQuery = graphql(`
  query AdminTeachers($schoolId: ID) {
    staff(schoolId: $schoolId) {
      roles
      person {
        id
        lastName
        firstName
        middleName
      }
    }
  }
`);

/** The school's teachers, for choosing a class teacher or a page's teacher. */
export async function teachersOf(api: ReturnType<typeof apiFor>, schoolId: string) {
  const { data } = await api.query({ query: TeachersQuery, variables: { schoolId } });
  return data.staff.filter((m) => m.roles.includes('TEACHER')).map((m) => m.person);
}

const ClassListQuery = graphql(`
  query AdminClassList($yearId: ID!) {
    schoolClasses(yearId: $yearId) {
      id
      name
      gradeLevel
      letter
      classTeacher {
        id
        lastName
        firstName
        middleName
      }
    }
  }
`);

/** A year's classes in school order: by grade, then letter. */
export async function classesOf(api: ReturnType<typeof apiFor>, yearId: string) {
  const { data } = await api.query({ query: ClassListQuery, variables: { yearId } });
  return [...data.schoolClasses].sort(
    (a, b) => a.gradeLevel - b.gradeLevel || a.letter.localeCompare(b.letter),
  );
}

type AdminMessages = ReturnType<typeof messagesFor>['admin'];

/** What a form action built by `formAction` returns on success. */
type Done<KeepRow extends boolean> = KeepRow extends true
  ? { action: string; notice: string; values: { _row: string } }
  : { action: string; notice: string };

/**
 * The usual admin form action: refuse a section the viewer may not use, read the form, refuse it
 * when a required field is empty, run the mutation (a refusal returns the API's message and what
 * was typed) and answer with a notice. With `keepRow`, the row the form belongs to stays open.
 */
export function formAction<KeepRow extends boolean = false>(options: {
  name: string;
  allowed: (access: AdminAccess) => boolean;
  required?: readonly string[];
  run: (
    api: ReturnType<typeof apiFor>,
    values: Record<string, string>,
    scope: AdminScope,
  ) => Promise<unknown>;
  notice: (t: AdminMessages) => string;
  keepRow?: KeepRow;
}) {
  const { name } = options;
  return async ({ locals, request }: { locals: App.Locals; request: Request }) => {
    const scope = requireAccess(locals, options.allowed);
    const values = formValues(await request.formData());
    const empty = firstEmpty(values, options.required ?? []);
    if (empty) {
      return missing(locals, name, empty, values);
    }
    try {
      await options.run(apiFor(locals, request), values, scope);
    } catch (thrown) {
      return refused(locals, name, thrown, values);
    }
    const notice = options.notice(messagesFor(locals.locale).admin);
    const done = options.keepRow
      ? { action: name, notice, values: { _row: values['_row'] ?? '' } }
      : { action: name, notice };
    return done as Done<KeepRow>;
  };
}
