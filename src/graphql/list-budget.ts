import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type TypeNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * The cost limit counts fields, not the items of list arguments: 15 aliased `screen` calls of 500 names each
 * cost as little as one. This budget adds up the items of every list argument of the operation (literal lists
 * and list variables alike, across aliases, fields and fragments) and refuses the request before any resolver
 * runs when they exceed `max`. So `screen(names:)`, `screenEntries(entries:)` and any later batch argument share
 * one budget of screened names per request however they are split. The error names the argument that passes
 * the most items, as other argument errors do.
 */
export function listBudgetPlugin(max: number): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const document = args.document as DocumentNode;
      const operation = document.definitions.find(
        (definition): definition is OperationDefinitionNode =>
          definition.kind === Kind.OPERATION_DEFINITION &&
          (!args.operationName || definition.name?.value === args.operationName),
      );
      if (!operation) return;
      const fragments = new Map(
        document.definitions
          .filter(
            (definition): definition is FragmentDefinitionNode =>
              definition.kind === Kind.FRAGMENT_DEFINITION,
          )
          .map((fragment) => [fragment.name.value, fragment]),
      );
      const listVariables = new Set(
        (operation.variableDefinitions ?? [])
          .filter((definition) => isListType(definition.type))
          .map((definition) => definition.variable.name.value),
      );
      const variables = (args.variableValues ?? {}) as Record<string, unknown>;
      const counts = new Map<string, number>();
      let largest = { name: '', items: 0 };
      const count = (selectionSet: SelectionSetNode, depth: number): void => {
        // Validation refuses fragment cycles; the depth bound keeps a miss from looping.
        if (depth > 50) return;
        for (const selection of selectionSet.selections) {
          if (selection.kind === Kind.FIELD) {
            for (const argument of selection.arguments ?? []) {
              const value = argument.value;
              const items =
                value.kind === Kind.LIST
                  ? value.values.length
                  : value.kind === Kind.VARIABLE && listVariables.has(value.name.value)
                    ? lengthOf(variables[value.name.value])
                    : 0;
              if (items > 0) {
                const name = argument.name.value;
                const where = `${selection.name.value}(${name}:)`;
                counts.set(where, (counts.get(where) ?? 0) + items);
                largest = items > largest.items ? { name, items } : largest;
              }
            }
            if (selection.selectionSet) count(selection.selectionSet, depth + 1);
          } else if (selection.kind === Kind.INLINE_FRAGMENT) {
            count(selection.selectionSet, depth + 1);
          } else {
            const fragment = fragments.get(selection.name.value);
            if (fragment) count(fragment.selectionSet, depth + 1);
          }
        }
      };
      count(operation.selectionSet, 0);
      const total = [...counts.values()].reduce((sum, items) => sum + items, 0);
      if (total <= max) return;
      const parts = [...counts].map(([name, items]) => `${items} in ${name}`).join(', ');
      setResultAndStopExecution({
        errors: [
          new GraphQLError(
            `A request may pass at most ${max} list items in all (e.g. names to screen); this one passes ${total}: ${parts}. Split it into several requests.`,
            {
              extensions: {
                code: 'BAD_USER_INPUT',
                argument: largest.name,
                limit: max,
                items: total,
                http: { status: 400 },
              },
            },
          ),
        ],
      });
    },
  };
}

function isListType(type: TypeNode): boolean {
  return type.kind === Kind.LIST_TYPE || (type.kind === Kind.NON_NULL_TYPE && isListType(type.type));
}

/** A list variable's items; a single value given for a list counts as one, as GraphQL coerces it. */
function lengthOf(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  return value === null || value === undefined ? 0 : 1;
}
