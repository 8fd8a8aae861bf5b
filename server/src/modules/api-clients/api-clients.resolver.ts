import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { requireViewer } from '../../auth/viewer.js';
import type { Context } from '../../core/context.js';
import { Person } from '../people/person.entity.js';
import { ApiClient } from './api-client.entity.js';
import { apiClients, createApiClient, revokeApiClient } from './api-clients.service.js';
import { ApiScope } from './api-scope.js';

@InputType({ description: 'A new API client.' })
export class CreateApiClientInput {
  @Field(() => String, { description: 'What to call it, e.g. the analytics tool.' })
  name!: string;

  @Field(() => [ID], { description: 'The schools it may read; you must administer each.' })
  schoolIds!: string[];

  @Field(() => [ApiScope], { description: 'The kinds of data it may read.' })
  scopes!: ApiScope[];
}

@InputType({ description: 'Ends an API client’s access.' })
export class RevokeApiClientInput {
  @Field(() => ID, { description: 'The client.' })
  id!: string;

  @Field(() => String, { description: 'Why (kept in the audit trail).' })
  reason!: string;
}

@ObjectType({ description: 'A new API client with its token, which is shown this once only.' })
export class CreateApiClientPayload {
  @Field(() => ApiClient, { description: 'The client.' })
  client!: ApiClient;

  @Field(() => String, {
    description: 'The bearer token. Stored only as a hash: it can never be read again.',
  })
  token!: string;
}

@Resolver(() => ApiClient)
export class ApiClientsResolver {
  @Query(() => [ApiClient], {
    description:
      "The school's API clients, newest first, with their scopes, last use and revocation: the administration's (issue 8).",
  })
  apiClients(
    @Arg('schoolId', () => ID, { description: 'The school.' }) schoolId: string,
    @Ctx() ctx: Context,
  ): Promise<ApiClient[]> {
    return apiClients(ctx.em, requireViewer(ctx), schoolId);
  }

  @Mutation(() => CreateApiClientPayload, {
    description:
      'Creates a read-only API client for schools you administer; the token is in the answer once, never again (issue 8).',
  })
  async createApiClient(
    @Arg('input', () => CreateApiClientInput) input: CreateApiClientInput,
    @Ctx() ctx: Context,
  ): Promise<CreateApiClientPayload> {
    return Object.assign(
      new CreateApiClientPayload(),
      await createApiClient(ctx.em, requireViewer(ctx), input),
    );
  }

  @Mutation(() => ApiClient, {
    description: 'Revokes an API client with a reason; its token stops working at once (issue 8).',
  })
  revokeApiClient(
    @Arg('input', () => RevokeApiClientInput) input: RevokeApiClientInput,
    @Ctx() ctx: Context,
  ): Promise<ApiClient> {
    return revokeApiClient(ctx.em, requireViewer(ctx), input);
  }

  @FieldResolver(() => Person, { description: 'Who created it.' })
  createdBy(@Root() client: ApiClient, @Ctx() ctx: Context) {
    return ctx.loaders.require(Person, client.createdBy);
  }
}
