import { graphql } from '#lib/graphql/index.ts';
import type { Role } from '#lib/graphql/graphql.ts';
import { messagesFor } from '#lib/i18n/index.ts';
import {
  apiFor,
  firstEmpty,
  formValues,
  loadFailed,
  missing,
  optional,
  refused,
  requireAccess,
} from '../admin.server.ts';
import type { Actions, PageServerLoad } from './$types';

const StaffQuery = graphql(`
  query AdminStaff($schoolId: ID) {
    staff(schoolId: $schoolId) {
      roles
      person {
        id
        lastName
        firstName
        middleName
        login
      }
    }
  }
`);

const CreateStaffAccount = graphql(`
  mutation AdminCreateStaffAccount($input: CreateStaffAccountInput!) {
    createStaffAccount(input: $input) {
      code
      expiresAt
      person {
        id
        lastName
        firstName
        middleName
      }
    }
  }
`);

const GrantRole = graphql(`
  mutation AdminGrantRole($input: GrantRoleInput!) {
    grantRole(input: $input) {
      roles
    }
  }
`);

const RevokeRole = graphql(`
  mutation AdminRevokeRole($input: RevokeRoleInput!) {
    revokeRole(input: $input) {
      roles
    }
  }
`);

/** The roles a staff account can hold (students and parents come through their own pages). */
const STAFF_ROLES: readonly Role[] = [
  'TEACHER',
  'DEPUTY',
  'DIRECTOR',
  'RECORDS_CLERK',
  'ADMINISTRATOR',
];
const staffRole = (value: string | undefined) => STAFF_ROLES.find((r) => r === value) ?? null;

export const load: PageServerLoad = async ({ locals, request }) => {
  const scope = requireAccess(locals, (a) => a.readStaff);
  try {
    const { data } = await apiFor(locals, request).query({
      query: StaffQuery,
      variables: { schoolId: scope.schoolId },
    });
    return { staff: data.staff, staffRoles: STAFF_ROLES };
  } catch (thrown) {
    loadFailed(locals, thrown);
  }
};

export const actions: Actions = {
  createStaffAccount: async ({ locals, request }) => {
    const scope = requireAccess(locals, (a) => a.keepStaff);
    const form = await request.formData();
    const values = formValues(form);
    const roles = form
      .getAll('roles')
      .map((r) => staffRole(typeof r === 'string' ? r : undefined))
      .filter((r): r is Role => r !== null);
    const empty = firstEmpty(values, ['lastName', 'firstName']) ?? (roles.length ? null : 'roles');
    if (empty) {
      return missing(locals, 'createStaffAccount', empty, values);
    }
    try {
      const { data } = await apiFor(locals, request).mutate({
        mutation: CreateStaffAccount,
        variables: {
          input: {
            schoolId: scope.schoolId,
            lastName: values['lastName'] ?? '',
            firstName: values['firstName'] ?? '',
            middleName: optional(values['middleName']),
            email: optional(values['email']),
            roles,
          },
        },
      });
      return {
        // The code block says it was created; no separate notice.
        action: 'createStaffAccount',
        invitation: data.createStaffAccount,
      };
    } catch (thrown) {
      return refused(locals, 'createStaffAccount', thrown, values);
    }
  },

  grantRole: async ({ locals, request }) => {
    const scope = requireAccess(locals, (a) => a.keepStaff);
    const values = formValues(await request.formData());
    const role = staffRole(values['role']);
    if (!role) {
      return missing(locals, 'grantRole', 'role', values);
    }
    try {
      await apiFor(locals, request).mutate({
        mutation: GrantRole,
        variables: { input: { personId: values['_row'] ?? '', role, schoolId: scope.schoolId } },
      });
    } catch (thrown) {
      return refused(locals, 'grantRole', thrown, values);
    }
    return {
      action: 'grantRole',
      notice: messagesFor(locals.locale).admin.staff.granted,
      values: { _row: values['_row'] ?? '' },
    };
  },

  revokeRole: async ({ locals, request }) => {
    const scope = requireAccess(locals, (a) => a.keepStaff);
    const values = formValues(await request.formData());
    const role = staffRole(values['role']);
    const empty = role ? firstEmpty(values, ['reason']) : 'role';
    if (empty || !role) {
      return missing(locals, 'revokeRole', empty ?? 'role', values);
    }
    try {
      await apiFor(locals, request).mutate({
        mutation: RevokeRole,
        variables: {
          input: {
            personId: values['_row'] ?? '',
            role,
            reason: values['reason'] ?? '',
            schoolId: scope.schoolId,
          },
        },
      });
    } catch (thrown) {
      return refused(locals, 'revokeRole', thrown, values);
    }
    return {
      action: 'revokeRole',
      notice: messagesFor(locals.locale).admin.staff.revoked,
      values: { _row: values['_row'] ?? '' },
    };
  },
};
