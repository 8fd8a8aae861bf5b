import { Kind, visit, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';

const names = new WeakMap<OperationDefinitionNode, ReadonlySet<string>>();

/**
 * Every field name the running operation selects, anywhere in it or in any fragment of its
 * document — a superset of what any one field's answer can hold, whatever the aliases, fragments
 * or @skip/@include. A read model may leave out of its statement what is in none of them (issue 9).
 * Walked once per parsed operation: Apollo's document store hands the same document to every
 * request with the same query.
 */
export function selectedFieldNames(
  info: Pick<GraphQLResolveInfo, 'operation' | 'fragments'>,
): ReadonlySet<string> {
  let found = names.get(info.operation);
  if (!found) {
    const seen = new Set<string>();
    const collect = {
      [Kind.FIELD]: (node: { name: { value: string } }) => void seen.add(node.name.value),
    };
    visit(info.operation, collect);
    for (const fragment of Object.values(info.fragments)) {
      visit(fragment, collect);
    }
    found = seen;
    names.set(info.operation, found);
  }
  return found;
}
