import { buildSchema, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createSchema } from '../../src/graphql/create-yoga.js';

interface Described {
  name: string;
  description?: string | null;
}
interface Walkable extends Described {
  getFields?: () => Record<string, Described & { args?: readonly Described[] }>;
  getValues?: () => readonly Described[];
}

const BUILT_IN_SCALARS = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);

/** Every type, field, argument, input field and enum value of the schema that has no description. */
function undocumented(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const check = (where: string, description: string | null | undefined) => {
    if (!description?.trim()) missing.push(where);
  };
  // Types are told apart by shape: the executable schema may come from another copy of the graphql module.
  for (const type of Object.values(schema.getTypeMap()) as unknown as Walkable[]) {
    if (type.name.startsWith('__') || BUILT_IN_SCALARS.has(type.name)) continue;
    check(type.name, type.description);
    for (const field of Object.values(type.getFields?.() ?? {})) {
      check(`${type.name}.${field.name}`, field.description);
      for (const arg of field.args ?? []) check(`${type.name}.${field.name}(${arg.name})`, arg.description);
    }
    for (const value of type.getValues?.() ?? []) check(`${type.name}.${value.name}`, value.description);
  }
  return missing.sort();
}

describe('the schema documents itself', () => {
  it('has a description on every type, field, argument, input field and enum value in schema/', () => {
    expect(undocumented(createSchema())).toEqual([]);
  });

  it('names what lacks a description', () => {
    const schema = buildSchema(`
      "Documented."
      type Query { "Documented." a(x: Int): Kind, b: Int }
      enum Kind { "Documented." ONE TWO }
      input Filter { "Documented." c: Int }
    `);
    expect(undocumented(schema)).toEqual(['Filter', 'Kind', 'Kind.TWO', 'Query.a(x)', 'Query.b']);
  });
});
