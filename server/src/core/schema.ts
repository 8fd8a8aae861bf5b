import 'reflect-metadata';
import { createPubSub } from '@graphql-yoga/subscription';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { buildSchema, type ContainerType, type PubSub } from 'type-graphql';
import { AuthResolver } from '../auth/auth.resolver.js';
import type { AuthSettings } from '../auth/auth.service.js';
import { buildPermissions } from '../auth/permissions.js';
import { AuditResolver } from '../modules/audit/audit.resolver.js';
import { controlResolvers } from '../modules/control/index.js';
import { MessagesResolver } from '../modules/messages/messages.resolver.js';
import { PersonResolver } from '../modules/people/person.resolver.js';
import { PeopleImportResolver } from '../modules/people/people-import.resolver.js';
import { StaffResolver } from '../modules/people/staff.resolver.js';
import { peopleResolvers } from '../modules/people/people.resolver.js';
import { diaryResolvers } from '../modules/diary/index.js';
import { journalResolvers } from '../modules/journal/journal.resolver.js';
import { reportsResolvers } from '../modules/reports/index.js';
import { timetableResolvers } from '../modules/timetable/index.js';
import { yearResolvers } from '../modules/year/index.js';
import { archiveResolvers } from '../modules/archive/index.js';

export interface SchemaDeps {
  auth: AuthSettings;
  pubSub?: PubSub;
}

const resolvers = [
  AuthResolver,
  AuditResolver,
  MessagesResolver,
  PersonResolver,
  PeopleImportResolver,
  StaffResolver,
  ...journalResolvers,
  ...diaryResolvers,
  ...yearResolvers,
  ...archiveResolvers,
  ...peopleResolvers,
  ...timetableResolvers,
  ...controlResolvers,
  ...reportsResolvers,
] as const;

/** Resolvers say what they need in their constructors; this is the whole container. */
function containerFor(deps: SchemaDeps): ContainerType {
  const instances = new Map<unknown, unknown>([
    [AuthResolver, new AuthResolver(deps.auth)],
    [AuditResolver, new AuditResolver()],
    [MessagesResolver, new MessagesResolver()],
    [PersonResolver, new PersonResolver()],
    [PeopleImportResolver, new PeopleImportResolver(deps.auth)],
    [StaffResolver, new StaffResolver()],
    ...journalResolvers.map((cls) => [cls, new cls()] as const),
    ...diaryResolvers.map((cls) => [cls, new cls()] as const),
    ...yearResolvers.map((cls) => [cls, new cls()] as const),
    ...archiveResolvers.map((cls) => [cls, new cls()] as const),
    ...peopleResolvers.map((cls) => [cls, new cls()] as const),
    ...timetableResolvers.map((cls) => [cls, new cls()] as const),
    ...controlResolvers.map((cls) => [cls, new cls()] as const),
    ...reportsResolvers.map((cls) => [cls, new cls()] as const),
  ]);
  return {
    get: (cls) => {
      const instance = instances.get(cls);
      if (!instance) {
        throw new Error(`No instance registered for ${String((cls as { name?: string }).name)}`);
      }
      return instance;
    },
  };
}

/** The schema as type-graphql builds it, before permissions: what `schema.graphql` shows. */
export async function buildBareSchema(deps: SchemaDeps): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    container: containerFor(deps),
    // Our subscriptions subscribe through the context's bus; type-graphql still wants one here.
    pubSub: deps.pubSub ?? createPubSub(),
    validate: false,
    emitSchemaFile: false,
  });
}

/** The served schema: every field behind graphql-shield, deny by default. */
export async function buildAppSchema(deps: SchemaDeps): Promise<GraphQLSchema> {
  return applyMiddleware(await buildBareSchema(deps), buildPermissions());
}

export function printSdl(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema)).trim()}\n`;
}
