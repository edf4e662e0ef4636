import type { DesignationCandidate, MappedImport, PartyCandidate } from '../import/candidates.js';
import type { ListingChangeKind } from '../model/model.js';

export interface ListingDiff {
  kind: ListingChangeKind;
  /** The designation's id as the mapper gives it (the importer keeps it). */
  designationId: string;
  /** CHANGED: which fields of the listing or of its party differ. */
  fields: string[];
}

/**
 * Compares two snapshots of one source listing by listing: a designation only the new file has is ADDED, one
 * only the old file had is REMOVED, and one in both whose own fields or whose party's fields differ is CHANGED,
 * with the names of those fields. Both files must be mapped the same way (no snapshot date), so that a field
 * the sync fills in itself never reads as a change.
 */
export function diffListings(before: MappedImport, after: MappedImport): ListingDiff[] {
  const old = listings(before);
  const now = listings(after);
  const changes: ListingDiff[] = [];
  for (const [id, listing] of now) {
    const earlier = old.get(id);
    if (!earlier) {
      changes.push({ kind: 'ADDED', designationId: id, fields: [] });
      continue;
    }
    const fields = Object.keys(listing).filter((field) => listing[field] !== earlier[field]);
    if (fields.length > 0) changes.push({ kind: 'CHANGED', designationId: id, fields });
  }
  for (const id of old.keys())
    if (!now.has(id)) changes.push({ kind: 'REMOVED', designationId: id, fields: [] });
  return changes.sort(
    (a, b) => a.kind.localeCompare(b.kind) || a.designationId.localeCompare(b.designationId),
  );
}

/** Each designation as comparable field values (lists joined in a stable order). */
function listings(mapped: MappedImport): Map<string, Record<string, string>> {
  const parties = new Map<string, PartyCandidate>(mapped.parties.map((party) => [party.key, party]));
  return new Map(
    mapped.designations.map((designation) => [
      designation.id,
      fieldsOf(designation, parties.get(designation.party.key)),
    ]),
  );
}

function fieldsOf(designation: DesignationCandidate, party: PartyCandidate | undefined) {
  const text = (value: string | string[] | undefined) =>
    Array.isArray(value) ? [...value].sort().join('\n') : (value ?? '');
  return {
    list: designation.list.id,
    listedOn: text(designation.listedOn),
    removedOn: text(designation.removedOn),
    nameOnList: text(designation.nameOnList),
    note: text(designation.note),
    citations: text(designation.citations),
    name: text(party?.name),
    aliases: text(party?.aliases),
    country: text(party?.country),
    identifiers: text(party?.identifiers),
    addresses: text(party?.addresses),
  } as Record<string, string>;
}
