// A raw-SQL baseline answers with what the client asked for, no more: the service's result
// narrowed to the query's selection (fragments included), so both sides serialise the same data.
import {
  Kind,
  parse,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

type Plain = Record<string, unknown>;

function narrow(
  value: unknown,
  set: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
): unknown {
  if (value === null || value === undefined) {
    return null;
  }
  if (Array.isArray(value)) {
    return value.map((v) => narrow(v, set, fragments));
  }
  const source = value as Plain;
  const out: Plain = {};
  const visit = (s: SelectionSetNode) => {
    for (const sel of s.selections) {
      if (sel.kind === Kind.FIELD) {
        const name = sel.alias?.value ?? sel.name.value;
        const v = source[sel.name.value];
        const narrowed = sel.selectionSet ? narrow(v, sel.selectionSet, fragments) : v;
        const prev = out[name];
        // A field selected twice (directly and by a fragment) merges its sub-selections.
        out[name] =
          prev && typeof prev === 'object' && !Array.isArray(prev)
            ? { ...(prev as Plain), ...(narrowed as Plain) }
            : Array.isArray(prev) && Array.isArray(narrowed)
              ? prev.map((p, i) => ({ ...(p as Plain), ...(narrowed[i] as Plain) }))
              : (narrowed ?? null);
      } else if (sel.kind === Kind.FRAGMENT_SPREAD) {
        visit(fragments.get(sel.name.value)!.selectionSet);
      } else {
        visit(sel.selectionSet);
      }
    }
  };
  visit(set);
  return out;
}

/** `{ data: { <root field>: result narrowed to the selection } }`, as JSON. */
export function projectToQuery(query: string, result: unknown): string {
  const doc = parse(query);
  const fragments = new Map<string, FragmentDefinitionNode>();
  let op: OperationDefinitionNode | undefined;
  for (const d of doc.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(d.name.value, d);
    } else if (d.kind === Kind.OPERATION_DEFINITION) {
      op = d;
    }
  }
  const root = op!.selectionSet.selections[0]!;
  if (root.kind !== Kind.FIELD || !root.selectionSet) {
    throw new Error('projectToQuery: one root field with a selection expected');
  }
  return JSON.stringify({
    data: { [root.name.value]: narrow(result, root.selectionSet, fragments) },
  });
}
