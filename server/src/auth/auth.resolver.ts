import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../core/context.js';
import { unauthenticated } from '../core/errors.js';
import {
  createStaffAccount,
  issueInvitation,
  redeemInvitation,
  signIn,
  signInSecondFactor,
  signOut,
  throttleOf,
  signOutEverywhere,
  type AuthSettings,
  type IssuedInvitationResult,
} from './auth.service.js';
import {
  CreateStaffAccountInput,
  IssuedInvitation,
  IssueInvitationInput,
  RedeemInvitationInput,
  ConfirmTotpEnrolmentInput,
  DisableTotpInput,
  SecondFactorChallenge,
  SignInInput,
  SignInPayload,
  SignInResult,
  SignInSecondFactorInput,
  TotpEnrolment,
  SocketTicketPayload,
  ViewerPayload,
} from './auth.types.js';
import { issueSocketTicket } from './socket-ticket.service.js';
import { SESSIONS_REVOKED, type SessionsRevoked } from './auth.events.js';
import { beginTotpEnrolment, confirmTotpEnrolment, disableTotp, totpEnabled } from './totp.js';
import { requireViewer, viewerFromToken } from './viewer.js';

function toIssued(result: IssuedInvitationResult): IssuedInvitation {
  return Object.assign(new IssuedInvitation(), {
    code: result.code,
    expiresAt: result.invitation.expiresAt,
    role: result.invitation.role,
    person: result.invitation.person,
  });
}

@Resolver()
export class AuthResolver {
  constructor(private readonly settings: AuthSettings) {}

  @Query(() => ViewerPayload, {
    nullable: true,
    description: 'The signed-in person, or null when the request carries no valid session.',
  })
  me(@Ctx() ctx: Context): ViewerPayload | null {
    if (!ctx.viewer) {
      return null;
    }
    return Object.assign(new ViewerPayload(), {
      person: ctx.viewer.person,
      roles: [...ctx.viewer.roles],
    });
  }

  @Mutation(() => SignInResult, {
    description:
      'Signs in with a login and password. Failures are throttled (TOO_MANY_ATTEMPTS with ' +
      '`extensions.retryAfter` seconds). An account with a second factor gets `secondFactor`.',
  })
  async signIn(
    @Arg('input', () => SignInInput) input: SignInInput,
    @Ctx() ctx: Context,
  ): Promise<SignInResult> {
    const outcome = await signIn(ctx.em, this.settings, input, ctx.client);
    if (outcome.kind === 'secondFactor') {
      return Object.assign(new SignInResult(), {
        token: null,
        expiresAt: null,
        viewer: null,
        secondFactor: Object.assign(new SecondFactorChallenge(), {
          challenge: outcome.challenge,
          expiresAt: outcome.expiresAt,
        }),
      });
    }
    return Object.assign(new SignInResult(), {
      ...(await this.payload(ctx, outcome.issued.token)),
      secondFactor: null,
    });
  }

  @Mutation(() => SignInPayload, {
    description: 'Finishes signing in with the challenge from `signIn` and a current TOTP code.',
  })
  async signInSecondFactor(
    @Arg('input', () => SignInSecondFactorInput) input: SignInSecondFactorInput,
    @Ctx() ctx: Context,
  ): Promise<SignInPayload> {
    const issued = await signInSecondFactor(ctx.em, this.settings, input, ctx.client);
    return this.payload(ctx, issued.token);
  }

  @Mutation(() => TotpEnrolment, {
    description:
      'Staff: starts turning on a TOTP second factor; returns the secret once. Takes effect ' +
      'after `confirmTotpEnrolment`.',
  })
  async beginTotpEnrolment(@Ctx() ctx: Context): Promise<TotpEnrolment> {
    const enrolment = await beginTotpEnrolment(
      ctx.em,
      this.settings.totp ?? {},
      requireViewer(ctx),
    );
    return Object.assign(new TotpEnrolment(), enrolment);
  }

  @Mutation(() => Boolean, {
    description: 'Turns the second factor on with a first correct code from the app.',
  })
  async confirmTotpEnrolment(
    @Arg('input', () => ConfirmTotpEnrolmentInput) input: ConfirmTotpEnrolmentInput,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    return confirmTotpEnrolment(ctx.em, this.settings.totp ?? {}, requireViewer(ctx), input.code);
  }

  @Mutation(() => Boolean, {
    description: 'Turns the second factor off, given a current code or the password.',
  })
  async disableTotp(
    @Arg('input', () => DisableTotpInput) input: DisableTotpInput,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    return disableTotp(
      ctx.em,
      this.settings.totp ?? {},
      throttleOf(this.settings),
      requireViewer(ctx),
      input,
      ctx.client.ip,
    );
  }

  @Mutation(() => SignInPayload, {
    description: 'Redeems a one-time invitation code once, setting login and password.',
  })
  async redeemInvitation(
    @Arg('input', () => RedeemInvitationInput) input: RedeemInvitationInput,
    @Ctx() ctx: Context,
  ) {
    const issued = await redeemInvitation(ctx.em, this.settings, input, ctx.client);
    // The new password ended every older session: their sockets close too.
    ctx.bus.publish(SESSIONS_REVOKED, {
      personId: issued.session.person.id,
      exceptSessionId: issued.session.id,
    } satisfies SessionsRevoked);
    return this.payload(ctx, issued.token);
  }

  @Mutation(() => Boolean, { description: 'Ends the current session.' })
  async signOut(@Ctx() ctx: Context): Promise<boolean> {
    const viewer = requireViewer(ctx);
    const done = await signOut(ctx.em, viewer);
    ctx.bus.publish(SESSIONS_REVOKED, { sessionId: viewer.sessionId } satisfies SessionsRevoked);
    return done;
  }

  @Mutation(() => Int, {
    description: 'Ends every session of the signed-in person (R-AUTH-3); returns how many.',
  })
  async signOutEverywhere(@Ctx() ctx: Context): Promise<number> {
    const viewer = requireViewer(ctx);
    const count = await signOutEverywhere(ctx.em, viewer);
    ctx.bus.publish(SESSIONS_REVOKED, { personId: viewer.personId } satisfies SessionsRevoked);
    return count;
  }

  @Mutation(() => SocketTicketPayload, {
    description:
      'Issues a one-time ticket that opens one WebSocket for the current session, for a client ' +
      'whose page scripts cannot hold the session token (it lives in an httpOnly cookie).',
  })
  async createSocketTicket(@Ctx() ctx: Context): Promise<SocketTicketPayload> {
    const issued = await issueSocketTicket(ctx.em, requireViewer(ctx));
    return Object.assign(new SocketTicketPayload(), issued);
  }

  @Mutation(() => IssuedInvitation, {
    description:
      'Issues a one-time invitation code: staff by the administration, students and parents by their class teacher.',
  })
  async issueInvitation(
    @Arg('input', () => IssueInvitationInput) input: IssueInvitationInput,
    @Ctx() ctx: Context,
  ): Promise<IssuedInvitation> {
    return toIssued(await issueInvitation(ctx.em, this.settings, requireViewer(ctx), input));
  }

  @Mutation(() => IssuedInvitation, {
    description: 'Creates a staff account with its roles and returns its one-time invitation code.',
  })
  async createStaffAccount(
    @Arg('input', () => CreateStaffAccountInput) input: CreateStaffAccountInput,
    @Ctx() ctx: Context,
  ): Promise<IssuedInvitation> {
    return toIssued(await createStaffAccount(ctx.em, this.settings, requireViewer(ctx), input));
  }

  private async payload(ctx: Context, token: string): Promise<SignInPayload> {
    const viewer = await viewerFromToken(ctx.em.fork(), token);
    if (!viewer) {
      throw unauthenticated();
    }
    // The rest of this response is read by the person who has just signed in.
    ctx.viewer = viewer;
    return Object.assign(new SignInPayload(), {
      token,
      expiresAt: viewer.session.expiresAt,
      viewer: Object.assign(new ViewerPayload(), {
        person: viewer.person,
        roles: [...viewer.roles],
      }),
    });
  }
}

@Resolver(() => ViewerPayload)
export class ViewerSecurityResolver {
  @FieldResolver(() => Boolean, {
    description: 'Whether signing in asks for a TOTP code (issue 8).',
  })
  async totpEnabled(@Root() viewer: ViewerPayload, @Ctx() ctx: Context): Promise<boolean> {
    return totpEnabled(ctx.em, viewer.person.id);
  }
}
