import type { GraphNode } from '../db/nodes.js';
import { RELATIONSHIP_TYPES, type NodeType, type RelationshipType } from '../model/model.js';
import type { Assumption } from '../restrictions/what-if.js';
import { idArgument, percentArgument } from './arguments.js';
import type { Context } from './context.js';
import { badInput } from './errors.js';

export interface AssumptionInput {
  designate?: { partyId: string; listId: string; on: string } | null;
  endDesignation?: { designationId: string; on: string } | null;
  endSuspension?: { measureId: string; on: string } | null;
  relation?: {
    type: RelationshipType;
    from: string;
    to: string;
    percent?: number | null;
    validFrom?: string | null;
  } | null;
}

const MAX_ASSUMPTIONS = 20;
const KINDS = ['designate', 'endDesignation', 'endSuspension', 'relation'] as const;

/**
 * The `assume` argument as assumptions, every id checked to name a node of the right kind before anything is
 * rehearsed; a mistake names its place, e.g. `assume[1].designate.partyId`.
 */
export async function assumptionsArgument(
  context: Context,
  inputs: readonly AssumptionInput[],
): Promise<Assumption[]> {
  if (inputs.length === 0 || inputs.length > MAX_ASSUMPTIONS)
    throw badInput('assume', `give 1 to ${MAX_ASSUMPTIONS} assumptions; got ${inputs.length}`);
  const assumptions: Assumption[] = [];
  for (const [index, input] of inputs.entries()) {
    const at = `assume[${index}]`;
    const given = KINDS.filter((kind) => input[kind]);
    if (given.length !== 1)
      throw badInput(at, `give exactly one of ${KINDS.join(', ')}; got ${given.length}`);
    const check = async (field: string, id: string, types: readonly string[], what: string) => {
      const name = `${at}.${given[0]}.${field}`;
      const node = await context.loaders.node.load(idArgument(name, id));
      if (!node || !types.some((type) => node.labels.includes(type)))
        throw badInput(name, `${JSON.stringify(id)} is not the id of ${what}`);
      return node;
    };
    if (input.designate) {
      const { partyId, listId, on } = input.designate;
      await check('partyId', partyId, ['Party'], 'a company, person or government body');
      await check('listId', listId, ['RestrictedList'], 'a list');
      assumptions.push({ kind: 'designate', partyId, listId, on });
    } else if (input.endDesignation) {
      const { designationId, on } = input.endDesignation;
      await check('designationId', designationId, ['Designation'], 'a designation');
      assumptions.push({ kind: 'endDesignation', designationId, on });
    } else if (input.endSuspension) {
      const { measureId, on } = input.endSuspension;
      await check('measureId', measureId, ['Measure'], 'a measure');
      assumptions.push({ kind: 'endSuspension', measureId, on });
    } else if (input.relation) {
      const { type, from, to } = input.relation;
      const ends = RELATIONSHIP_TYPES[type] as { from: readonly NodeType[]; to: readonly NodeType[] };
      const a: GraphNode = await check('from', from, ends.from, `a ${ends.from.join(' or ')}`);
      const b: GraphNode = await check('to', to, ends.to, `a ${ends.to.join(' or ')}`);
      if (a.id === b.id) throw badInput(`${at}.relation.to`, 'a relationship needs two different ends');
      assumptions.push({
        kind: 'relation',
        type,
        from,
        to,
        percent: percentArgument(`${at}.relation.percent`, input.relation.percent) ?? null,
        validFrom: input.relation.validFrom ?? null,
      });
    }
  }
  return assumptions;
}
