import { buildSchema, getOperationAST, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { jitFits } from './jit-executor.js';

const schema = buildSchema(/* GraphQL */ `
  input Range {
    from: String!
    to: String
  }
  input WithDefault {
    add: [String!]! = []
  }
  input Outer {
    inner: WithDefault
  }
  type Query {
    page(id: ID!, kind: Kind): String
    range(input: Range!): String
    defaulted(input: WithDefault): String
    outer(input: Outer): String
  }
  type Mutation {
    set(id: ID!): String
  }
  enum Kind {
    A
    B
  }
`);

const fits = (source: string) => {
  const document = parse(source);
  return jitFits(schema, document, getOperationAST(document)!);
};

describe('which operations graphql-jit runs', () => {
  it('queries with scalar, enum and default-free input-object variables and arguments', () => {
    expect(fits('query ($id: ID!, $k: Kind) { page(id: $id, kind: $k) }')).toBe(true);
    expect(fits('{ page(id: "1", kind: A) }')).toBe(true);
    expect(fits('query ($r: Range!) { range(input: $r) }')).toBe(true);
    expect(fits('{ range(input: { from: "2026-09-01" }) }')).toBe(true);
  });

  it('not an input object with a field default, as a variable or an argument, at any depth', () => {
    expect(fits('query ($i: WithDefault) { defaulted(input: $i) }')).toBe(false);
    expect(fits('{ defaulted(input: {}) }')).toBe(false);
    expect(fits('query ($o: Outer) { outer(input: $o) }')).toBe(false);
    expect(fits('{ outer(input: { inner: {} }) }')).toBe(false);
  });

  it('never a mutation', () => {
    expect(fits('mutation { set(id: "1") }')).toBe(false);
  });
});
