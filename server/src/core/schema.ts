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
import {
  buildSchema,
  getMetadataStorage,
  type BuildSchemaOptions,
  type ContainerType,
  type PubSub,
} from 'type-graphql';
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

type FieldResolverMetadata = ReturnType<typeof getMetadataStorage>['fieldResolvers'][number];

/**
 * The call type-graphql would make for a field resolver of a resolver class whose parameters are
 * only `@Root()` (typed structurally, so type-graphql passes the root through unconverted) and
 * `@Ctx()`, with no middleware or roles — or null when it does more than that. Such a call is all
 * type-graphql's wrapper does for these fields, at the cost of a resolver-data object, a container
 * look-up, a sort and a map of the parameters per call: on a year's journal page (thousands of
 * marks' `studentId`, `lessonId`, `workType`) that was ~2 ms of node CPU (issue 9 profile).
 */
function directCall(
  fr: FieldResolverMetadata,
  container: ContainerType,
): GraphQLFieldResolver<unknown, unknown> | null {
  const params = [...(fr.params ?? [])].sort((a, b) => a.index - b.index);
  const plain = params.every((p, i) => {
    if (p.index !== i) {
      return false;
    }
    if (p.kind === 'context') {
      return p.propertyName === undefined;
    }
    // No type, or Object (a type alias or an interface): type-graphql passes the root as it is.
    return (
      p.kind === 'root' &&
      p.propertyName === undefined &&
      (p.getType === undefined || p.getType() === Object)
    );
  });
  if (!plain || (fr.middlewares ?? []).length > 0 || fr.roles !== undefined) {
    return null;
  }
  // containerFor's instances are made once, whatever the resolver data.
  const instance = container.get(fr.target, {} as never) as Record<
    string,
    (...args: unknown[]) => unknown
  >;
  const method = instance[fr.methodName];
  if (typeof method !== 'function') {
    return null;
  }
  const kinds = params.map((p) => p.kind).join(',');
  switch (kinds) {
    case 'root':
      return (root) => method.call(instance, root);
    case 'root,context':
      return (root, _args, ctx) => method.call(instance, root, ctx);
    default:
      return null;
  }
}

/** The schema as type-graphql builds it, before permissions: what `schema.graphql` shows. */
export async function buildBareSchema(deps: SchemaDeps): Promise<GraphQLSchema> {
  const container = containerFor(deps);
  const options: BuildSchemaOptions = {
    resolvers,
    container,
    // Our subscriptions subscribe through the context's bus; type-graphql still wants one here.
    pubSub: deps.pubSub ?? createPubSub(),
    validate: false,
    emitSchemaFile: false,
  };
  const schema = await buildSchema(options);
  // Plain field resolvers called directly (see directCall); the schema itself is unchanged. Not
  // with global middlewares or an auth checker, which type-graphql's wrapper would apply.
  if ((options.globalMiddlewares ?? []).length > 0 || options.authChecker) {
    return schema;
  }
  const storage = getMetadataStorage();
  const ours = new Set<unknown>(resolvers);
  const typeNames = new Map(storage.objectTypes.map((t) => [t.target, t.name]));
  const external = storage.fieldResolvers.filter(
    (fr) => fr.kind === 'external' && ours.has(fr.target),
  );
  for (const fr of external) {
    const type = schema.getType(typeNames.get(fr.getObjectType!() as never) ?? '');
    const field = isObjectType(type) ? type.getFields()[fr.schemaName] : undefined;
    const twins = external.filter(
      (o) => o.schemaName === fr.schemaName && o.getObjectType!() === fr.getObjectType!(),
    );
    const direct = field && twins.length === 1 ? directCall(fr, container) : null;
    if (field && direct) {
      field.resolve = direct;
    }
  }
  return schema;
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
