import { fail } from '@sveltejs/kit';
import { textField } from '#lib/forms.ts';
import { graphql } from '#lib/graphql/index.ts';
import type { ImportFormat, PeopleImportKind } from '#lib/graphql/graphql.ts';
import { messagesFor } from '#lib/i18n/index.ts';
import { apiFor, refused, requireAccess } from '../../admin.server.ts';
import type { Actions, PageServerLoad } from './$types';

const ImportPeople = graphql(`
  mutation AdminImportPeople($input: ImportPeopleInput!) {
    importPeople(input: $input) {
      dryRun
      written
      peopleCreated
      enrolmentsCreated
      guardianshipsCreated
      rolesGranted
      problems {
        row
        column
        code
        message
      }
      rows {
        row
        lastName
        firstName
        middleName
        birthDate
        className
        admittedOn
        roles
        child {
          id
          lastName
          firstName
        }
      }
      invitations {
        code
        expiresAt
        role
        person {
          id
          lastName
          firstName
          middleName
        }
      }
    }
  }
`);

const KINDS: readonly PeopleImportKind[] = ['STUDENTS', 'PARENTS', 'STAFF'];

export const load: PageServerLoad = ({ locals }) => {
  const scope = requireAccess(locals, (a) => a.keepRecords);
  // Staff lists are the system administrator's (R-ROLE-1): others are not offered them.
  return { kinds: KINDS.filter((k) => k !== 'STAFF' || scope.access.keepStaff) };
};

const MAX_FILE_BYTES = 5 * 1024 * 1024;

export const actions: Actions = {
  /**
   * Both steps post here: "check" (dry run) and "import". The checked file travels back in a hidden
   * field, so the import writes exactly what was checked, with or without JavaScript.
   */
  default: async ({ locals, request }) => {
    requireAccess(locals, (a) => a.keepRecords);
    const t = messagesFor(locals.locale).admin.importPeople;
    const form = await request.formData();
    const kindValue = form.get('kind');
    const kind = KINDS.find((k) => k === kindValue) ?? 'STUDENTS';
    const dryRun = form.get('step') !== 'import';
    const file = form.get('file');
    let fileBase64 = textField(form, 'fileBase64');
    let fileName = textField(form, 'fileName');
    if (file instanceof File && file.size > 0) {
      if (file.size > MAX_FILE_BYTES) {
        return fail(400, { action: 'import', field: 'file', error: t.noFile, values: { kind } });
      }
      fileBase64 = Buffer.from(await file.arrayBuffer()).toString('base64');
      fileName = file.name;
    }
    if (!fileBase64) {
      return fail(400, { action: 'import', field: 'file', error: t.noFile, values: { kind } });
    }
    const format: ImportFormat = /\.xlsx$/i.test(fileName) ? 'XLSX' : 'CSV';
    try {
      const { data } = await apiFor(locals, request).mutate({
        mutation: ImportPeople,
        variables: { input: { kind, format, fileBase64, dryRun } },
      });
      return {
        action: 'import',
        result: data.importPeople,
        kind,
        fileBase64,
        fileName,
      };
    } catch (thrown) {
      return refused(locals, 'import', thrown, { kind });
    }
  },
};
