import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { AuthSettings } from '../../auth/auth.service.js';
import { IssuedInvitation } from '../../auth/auth.types.js';
import { requireViewer } from '../../auth/viewer.js';
import type { Context } from '../../core/context.js';
import { importPeople } from './people-import.service.js';
import {
  ImportedPersonRow,
  ImportPeopleInput,
  ImportPeoplePayload,
} from './people-import.inputs.js';

@Resolver()
export class PeopleImportResolver {
  constructor(private readonly settings: AuthSettings) {}

  @Mutation(() => ImportPeoplePayload, {
    description:
      'Imports students, parents or staff from a CSV/XLSX file (R-ROLE-3): all or nothing; a dry run lists every problem. Staff get one-time invitation codes.',
  })
  async importPeople(
    @Arg('input', () => ImportPeopleInput) input: ImportPeopleInput,
    @Ctx() ctx: Context,
  ): Promise<ImportPeoplePayload> {
    const result = await importPeople(ctx.em, this.settings, requireViewer(ctx), input, ctx.locale);
    return Object.assign(new ImportPeoplePayload(), {
      ...result,
      rows: result.rows.map((r) =>
        Object.assign(new ImportedPersonRow(), {
          row: r.line.row,
          lastName: r.line.lastName,
          firstName: r.line.firstName,
          middleName: r.line.middleName,
          birthDate: r.line.birthDate,
          className: r.schoolClass?.name ?? r.line.className,
          admittedOn: r.admittedOn,
          child: r.child,
          roles: r.roles,
          person: r.person,
        }),
      ),
      invitations: result.invitations.map((i) =>
        Object.assign(new IssuedInvitation(), {
          code: i.code,
          expiresAt: i.invitation.expiresAt,
          role: i.invitation.role,
          person: i.invitation.person,
        }),
      ),
    });
  }
}
