import 'reflect-metadata';
import { createPubSub } from '@graphql-yoga/subscription';
import {
  isObjectType,
  lexicographicSortSchema,
  printSchema,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import { allow } from 'graphql-shield';
import { applyMiddleware } from 'graphql-middleware';
import { buildSchema, type ContainerType, type PubSub } from 'type-graphql';
import { AuthResolver, ViewerSecurityResolver } from '../auth/auth.resolver.js';
import type { AuthSettings } from '../auth/auth.service.js';
import { buildPermissions, mergePermissions, permissionMaps } from '../auth/permissions.js';
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
import { compromiseResolvers } from '../modules/audit/compromise.resolver.js';
import { apiClientsResolvers } from '../modules/api-clients/index.js';

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
  ViewerSecurityResolver,
  ...journalResolvers,
  ...diaryResolvers,
  ...yearResolvers,
  ...archiveResolvers,
  ...peopleResolvers,
  ...timetableResolvers,
  ...controlResolvers,
  ...reportsResolvers,
  ...compromiseResolvers,
  ...apiClientsResolvers,
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
    [ViewerSecurityResolver, new ViewerSecurityResolver()],
    ...journalResolvers.map((cls) => [cls, new cls()] as const),
    ...diaryResolvers.map((cls) => [cls, new cls()] as const),
    ...yearResolvers.map((cls) => [cls, new cls()] as const),
    ...archiveResolvers.map((cls) => [cls, new cls()] as const),
    ...peopleResolvers.map((cls) => [cls, new cls()] as const),
    ...timetableResolvers.map((cls) => [cls, new cls()] as const),
    ...controlResolvers.map((cls) => [cls, new cls()] as const),
    ...reportsResolvers.map((cls) => [cls, new cls()] as const),
    ...compromiseResolvers.map((cls) => [cls, new cls()] as const),
    ...apiClientsResolvers.map((cls) => [cls, new cls()] as const),
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
  const bare = await buildBareSchema(deps);
  // Types whose rule is plain `allow` (result rows reached only through a guarded root field):
  // shield's wrapper on each of their fields decides nothing, yet costs a promise and a rule
  // evaluation per field and row — most of a large report's node CPU (BENCHMARKS.md S5, issue 7
  // Speed). Their fields keep the resolvers type-graphql built; every other field stays wrapped.
  const rules = mergePermissions(permissionMaps);
  const open = Object.keys(rules).filter((type) => rules[type] === allow);
  const own = new Map<string, Map<string, GraphQLFieldResolver<unknown, unknown> | undefined>>();
  for (const type of open) {
    const t = bare.getType(type);
    if (isObjectType(t)) {
      own.set(type, new Map(Object.values(t.getFields()).map((f) => [f.name, f.resolve])));
    }
  }
  const served = applyMiddleware(bare, buildPermissions());
  for (const [type, fields] of own) {
    const t = served.getType(type);
    if (!isObjectType(t)) {
      continue;
    }
    for (const f of Object.values(t.getFields())) {
      if (fields.has(f.name)) {
        f.resolve = fields.get(f.name);
      }
    }
  }
  return served;
}

export function printSdl(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema)).trim()}\n`;
}
