/**
 * Names for the parts of the answers that the clients pass around, taken from the types generated from the schema
 * and the operations (operations.generated.ts), so a field added to or dropped from an operation changes them too.
 */
import type {
  BrandOriginsQuery,
  BrandsQuery,
  ChainQuery,
  ExplainQuery,
  ScreenEntriesQuery,
  SearchQuery,
  SourceFieldsFragment,
  StepFieldsFragment,
} from './operations.generated.js';

export type { EntityKind, Evidence, ScreeningVerdict } from './operations.generated.js';

export type Source = SourceFieldsFragment;
export type PathStep = StepFieldsFragment;
/** The id and name of an entity, as a path step gives its ends. */
export type EntityRef = PathStep['from'];
export type SearchEdge = SearchQuery['search']['edges'][number];
export type EntitySummary = SearchEdge['node'];
export type RestrictionReport = ExplainQuery['explainRestrictions'];
export type Restriction = RestrictionReport['restrictions'][number];
export type UnappliedRestriction = RestrictionReport['notApplied'][number];
export type Instrument = Restriction['instruments'][number];
export type BrandLink = BrandsQuery['brandsLinkedTo'][number];
export type BrandOrigin = BrandOriginsQuery['brandOrigins'][number];
export type OwnershipChain = ChainQuery['ownershipChain'];
export type ScreeningResult = ScreenEntriesQuery['screenEntries'][number];
export type ScreeningMatch = ScreeningResult['matches'][number];
