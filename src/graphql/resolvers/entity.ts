import type { GraphNode, NodeRelation } from '../../db/nodes.js';
import { holdsOn } from '../../model/period.js';
import { idArgument } from '../arguments.js';
import type { Context } from '../context.js';
import {
  isEntityKind,
  kindOfLabels,
  familyRelations,
  phraseFrom,
  sideTowards,
  type EdgeType,
  type EntityKind,
  type ReachRelation,
  type Towards,
} from '../../model/vocabulary.js';
import { relatedNodes, relationsOf, sourcesOf } from '../related.js';

export function entityKind(node: GraphNode): EntityKind | undefined {
  const kind = kindOfLabels(node.labels);
  return kind && isEntityKind(kind) ? kind : undefined;
}

type Args = { asOf?: string | null };

/** A relation field lists the parent's relations of some types that lead UP or DOWN from it. */
function relationField(types: readonly ReachRelation[], towards: Towards) {
  return async (parent: GraphNode, { asOf }: Args, context: Context) => {
    const groups = await Promise.all(
      types.map((type) => relationsOf(context, parent.id, type, sideTowards(type, towards), asOf)),
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
    owners: relationField(familyRelations('HOLDING'), 'UP'),
    subsidiaries: relationField(familyRelations('HOLDING'), 'DOWN'),
    affiliates: relationField(familyRelations('AFFILIATION'), 'UP'),
    brands: relationField(['BRAND_OF'], 'DOWN'),
    brandOwners: relationField(['BRAND_OF'], 'UP'),
    oemMakers: relationField(['OEM_FOR'], 'UP'),
    oemBrands: relationField(['OEM_FOR'], 'DOWN'),
  },
  Relation: {
    id: (relation: NodeRelation) => relation.properties.id,
    entity: (relation: NodeRelation) => relation.other,
    label: (relation: NodeRelation) => phraseFrom(relation.type as EdgeType, relation.outgoing),
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
