/**
 * Names for the parts of the answers that the clients pass around, taken from the types generated from the schema
 * and the operations (operations.generated.ts), so a field added to or dropped from an operation changes them too.
 */
import type {
  BrandOriginsQuery,
  BrandsQuery,
  ChainQuery,
  EntityQuery,
  ExplainQuery,
  NeighborhoodQuery,
  ScreenEntriesQuery,
  SearchQuery,
  SourceFieldsFragment,
  StepFieldsFragment,
  VocabularyQuery,
} from './operations.generated.js';

export type {
  BrandRelation,
  EntityKind,
  Evidence,
  GraphNodeKind,
  OwnershipDirection,
  ScreeningVerdict,
} from './operations.generated.js';

export type Source = SourceFieldsFragment;
export type PathStep = StepFieldsFragment;
/** The id and name of an entity, as a path step gives its ends. */
export type EntityRef = PathStep['from'];
export type EntityDetails = NonNullable<EntityQuery['entity']>;
export type SearchEdge = SearchQuery['search']['edges'][number];
export type EntitySummary = SearchEdge['node'];
export type RestrictionReport = ExplainQuery['explainRestrictions'];
export type Restriction = RestrictionReport['restrictions'][number];
export type UnappliedRestriction = RestrictionReport['notApplied'][number];
export type Instrument = Restriction['instruments'][number];
export type BrandLink = BrandsQuery['brandsLinkedTo'][number];
export type BrandOrigin = BrandOriginsQuery['brandOrigins'][number];
export type OwnershipChain = ChainQuery['ownershipChain'];
export type Neighborhood = NeighborhoodQuery['neighborhood'];
export type GraphNode = Neighborhood['nodes'][number];
export type GraphEdge = Neighborhood['edges'][number];
export type ScreeningResult = ScreenEntriesQuery['screenEntries'][number];
export type ScreeningMatch = ScreeningResult['matches'][number];
/** The API's words for a kind of node, and whether the explorer can focus on it (Query.vocabulary). */
export type KindWords = VocabularyQuery['vocabulary']['kinds'][number];
export type BrandRelationWords = VocabularyQuery['vocabulary']['brandRelations'][number];
