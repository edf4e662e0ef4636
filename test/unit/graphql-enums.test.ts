import type { GraphQLEnumType, GraphQLNamedType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createSchema } from '../../src/graphql/create-yoga.js';
import {
  CHANGE_ACTIONS,
  EVIDENCE_GRADES,
  INSTRUMENT_KINDS,
  LISTING_CHANGE_KINDS,
  MATCH_METHODS,
  MEASURE_KINDS,
  REACH_RULES,
  RESTRICTION_BASES,
  RESTRICTION_CHANGE_CAUSES,
  SCREENING_VERDICTS,
  UNAPPLIED_REASONS,
} from '../../src/model/model.js';
import {
  BRAND_RELATIONS,
  CURATED_RELATION_TYPES,
  DIRECTIONS,
  ENTITY_KINDS,
  KINDS,
  PATH_RELATIONS,
  REACH_RELATIONS,
} from '../../src/model/vocabulary.js';

/** Each GraphQL enum and the model's array it mirrors. A new enum needs its array here (and in the model). */
const MIRRORS: Record<string, readonly string[]> = {
  Evidence: EVIDENCE_GRADES,
  InstrumentKind: INSTRUMENT_KINDS,
  MeasureKind: MEASURE_KINDS,
  ReachRuleKind: REACH_RULES,
  RestrictionBasis: RESTRICTION_BASES,
  UnappliedReason: UNAPPLIED_REASONS,
  ChangeAction: CHANGE_ACTIONS,
  EntityKind: ENTITY_KINDS,
  GraphNodeKind: KINDS,
  RelationType: REACH_RELATIONS,
  CuratedRelationType: CURATED_RELATION_TYPES,
  PathRelation: PATH_RELATIONS,
  BrandRelation: BRAND_RELATIONS,
  OwnershipDirection: DIRECTIONS,
  ListingChangeKind: LISTING_CHANGE_KINDS,
  RestrictionChangeCause: RESTRICTION_CHANGE_CAUSES,
  ScreeningVerdict: SCREENING_VERDICTS,
  MatchMethod: MATCH_METHODS,
};

describe('GraphQL enums', () => {
  const schema = createSchema();
  // By tag, not instanceof: @graphql-tools may build the schema with another copy of graphql's classes.
  const isEnum = (type: GraphQLNamedType | undefined | null): type is GraphQLEnumType =>
    type?.[Symbol.toStringTag] === 'GraphQLEnumType';
  const enums = Object.values(schema.getTypeMap()).filter(
    (type): type is GraphQLEnumType => isEnum(type) && !type.name.startsWith('__'),
  );

  it('each have the model array they mirror', () => {
    expect(enums.map((type) => type.name).filter((name) => !(name in MIRRORS))).toEqual([]);
  });

  it.each(Object.keys(MIRRORS))('%s holds exactly the values of the model', (name) => {
    const type = schema.getType(name);
    if (!isEnum(type)) throw new Error(`${name} is not an enum of the schema`);
    expect(
      type
        .getValues()
        .map((value) => value.name)
        .sort(),
    ).toEqual([...MIRRORS[name]!].sort());
  });
});
