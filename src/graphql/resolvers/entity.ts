import type { GraphNode, NodeRelation } from '../../db/repositories/node.repository.js';
import { holdsOn } from '../../model/period.js';
import { idArgument } from '../arguments.js';
import type { Context } from '../context.js';
import { relatedNodes, relationsOf, sourcesOf, type Direction } from '../related.js';

const KINDS: Record<string, string> = {
  Company: 'COMPANY',
  Person: 'PERSON',
  GovernmentBody: 'GOVERNMENT_BODY',
  Brand: 'BRAND',
};

export function entityKind(node: GraphNode): string | undefined {
  return node.labels.map((label) => KINDS[label]).find(Boolean);
}

type Args = { asOf?: string | null };
type Side = [type: string, direction: Direction];

/** A relation field lists relations of some types and directions, seen from the parent. */
function relationField(...sides: Side[]) {
  return async (parent: GraphNode, { asOf }: Args, context: Context) => {
    const groups = await Promise.all(
      sides.map(([type, direction]) => relationsOf(context, parent.id, type, direction, asOf)),
    );
    return groups.flat();
  };
}

export const entityResolvers = {
  Query: {
    entity: async (_: unknown, { id }: { id: string }, context: Context) => {
      const node = await context.loaders.node.load(idArgument('id', id));
      return node && entityKind(node) ? node : null;
    },
  },
  Entity: {
    kind: entityKind,
    aliases: (parent: GraphNode) => parent.aliases ?? [],
    identifiers: (parent: GraphNode) =>
      ((parent.identifiers as string[] | undefined) ?? []).map((identifier) => {
        const at = identifier.indexOf(':');
        return { scheme: identifier.slice(0, at), value: identifier.slice(at + 1) };
      }),
    sources: (parent: GraphNode, _: unknown, context: Context) => sourcesOf(context, parent),
    designations: async (parent: GraphNode, { asOf }: Args, context: Context) => {
      const designations = await relatedNodes(context, parent.id, 'DESIGNATES', 'IN');
      return asOf
        ? designations.filter((designation) => designationInForce(designation, asOf))
        : designations;
    },
    owners: relationField(['OWNS', 'IN'], ['SUBSIDIARY_OF', 'OUT'], ['CONTROLS', 'IN']),
    subsidiaries: relationField(['OWNS', 'OUT'], ['SUBSIDIARY_OF', 'IN'], ['CONTROLS', 'OUT']),
    affiliates: relationField(['AFFILIATE_OF', 'BOTH']),
    brands: relationField(['BRAND_OF', 'IN']),
    brandOwners: relationField(['BRAND_OF', 'OUT']),
    oemMakers: relationField(['OEM_FOR', 'IN']),
    oemBrands: relationField(['OEM_FOR', 'OUT']),
  },
  Relation: {
    id: (relation: NodeRelation) => relation.properties.id,
    entity: (relation: NodeRelation) => relation.other,
    percent: (relation: NodeRelation) => relation.properties.percent ?? null,
    validFrom: (relation: NodeRelation) => relation.properties.validFrom ?? null,
    validTo: (relation: NodeRelation) => relation.properties.validTo ?? null,
    note: (relation: NodeRelation) => relation.properties.note ?? null,
    sources: (relation: NodeRelation, _: unknown, context: Context) =>
      sourcesOf(context, relation.properties),
  },
};

/** A listing is in force from its listing date until its removal. */
export function designationInForce(designation: GraphNode, asOf: string): boolean {
  return holdsOn({ validFrom: designation.listedOn, validTo: designation.removedOn }, asOf);
}
