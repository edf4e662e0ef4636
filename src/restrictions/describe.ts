import { stepPredicate } from '../model/vocabulary.js';
import { measureStart } from './measure-start.js';
import type { Basis, Designation, Measure, PathStep, ReachData, UnappliedReason } from './types.js';

/** One plain-English sentence saying why this path counts, citing the reach rule's source. */
export function describeRule(
  data: ReachData,
  steps: PathStep[],
  designation: Designation,
  measure: Measure,
  basis: Basis,
  effectivePercent: number | null,
): string {
  const listing = describeListing(data, designation);
  const applies = `${measure.name} applies from ${measureStart(measure, designation)}`;
  if (basis === 'DIRECT') return `${name(data, data.entityId)} is itself ${listing}; ${applies}.`;
  const share =
    basis === 'OWNERSHIP_THRESHOLD' && effectivePercent !== null
      ? ` Listed parties own ${effectivePercent}% of ${name(data, steps[0]?.from ?? '')} in aggregate.`
      : '';
  return `${describeChain(data, steps)}, which is ${listing}. ${applies} and reaches ${reachClause(measure)}: "${measure.reachText}" (${citeSources(data, measure.reachSources)}).${share}`;
}

/** Why a reachable measure does not apply on the date. */
export function describeNotApplied(
  data: ReachData,
  steps: PathStep[],
  designation: Designation,
  measure: Measure,
  reason: UnappliedReason,
  asOf: string,
): string {
  const chain =
    steps.length === 0 ? `${name(data, data.entityId)} is itself listed` : describeChain(data, steps);
  const listed = name(data, designation.partyId);
  const list = name(data, designation.listId);
  switch (reason) {
    case 'NAMED_ONLY_RULE':
      return `${chain}, but ${measure.name} reaches only parties named on the ${list} ("${measure.reachText}", ${citeSources(data, measure.reachSources)}).`;
    case 'PRODUCTS_NOT_COVERED':
      return `${chain}, but ${measure.name} restricts parties, not products sold under a brand.`;
    case 'BELOW_THRESHOLD':
      return `${chain}, but the ownership recorded along this path does not meet the rule (${reachClause(measure)}; ${citeSources(data, measure.reachSources)}).`;
    case 'RELATION_ENDED': {
      const ended = steps.find((step) => step.validTo !== null && step.validTo <= asOf);
      return `${chain}; but ${ended ? `${name(data, ended.from)} ${stepPredicate(ended.type).replace('is ', 'was ')} ${name(data, ended.to)} only until ${ended.validTo}` : 'a relation on the path had ended'}, so ${listed}'s listing no longer reaches it on ${asOf}.`;
    }
    case 'RELATION_NOT_STARTED': {
      const later = steps.find((step) => step.validFrom !== null && step.validFrom > asOf);
      return `${chain}; but that relation began only on ${later?.validFrom ?? 'a later date'}.`;
    }
    case 'NOT_YET_EFFECTIVE':
      return asOf < designation.listedOn
        ? `${listed} was listed on the ${list} only on ${designation.listedOn}.`
        : `${measure.name} applies to ${listed}'s listing only from ${measureStart(measure, designation)}.`;
    case 'MEASURE_ENDED':
      return `${measure.name} ceased to apply on ${measure.effectiveTo}.`;
    case 'SUSPENDED': {
      const suspension = measure.suspensions.find(
        (s) => (!s.from || s.from <= asOf) && (!s.to || asOf < s.to),
      );
      const by = suspension ? ` (${name(data, suspension.instrumentId)})` : '';
      return `${chain}; ${measure.name} would reach it, but it is suspended from ${suspension?.from ?? '?'} until ${suspension?.to ?? 'further notice'}${by}.`;
    }
    case 'REMOVED_FROM_LIST':
      return `${listed} was removed from the ${list} on ${designation.removedOn}.`;
  }
}

function describeListing(data: ReachData, designation: Designation): string {
  const instrument = designation.instrumentId ? data.nodes.get(designation.instrumentId) : undefined;
  const by = instrument ? ` by ${instrument.citation ?? instrument.name}` : '';
  return `on the ${name(data, designation.listId)} (listed ${designation.listedOn}${by})`;
}

function describeChain(data: ReachData, steps: PathStep[]): string {
  const first = steps[0];
  if (!first) return name(data, data.entityId);
  return steps
    .map((step, index) => {
      const words = stepPredicate(step.type, step.percent);
      return `${index === 0 ? name(data, step.from) : ', which'} ${words} ${name(data, step.to)}`;
    })
    .join('')
    .replace(/ ,/g, ',');
}

function reachClause(measure: Measure): string {
  switch (measure.reachRule) {
    case 'NAMED_ONLY':
      return 'only the named party';
    case 'SUBSIDIARIES_AND_AFFILIATES': {
      const limits = [
        measure.reachSubsidiaryMinPercent !== null
          ? `subsidiary: more than ${measure.reachSubsidiaryMinPercent}%`
          : undefined,
        measure.reachAffiliateMinPercent !== null
          ? `affiliate: more than ${measure.reachAffiliateMinPercent}%`
          : undefined,
      ].filter(Boolean);
      const products = measure.coversProducts ? ' and equipment they produce' : '';
      return `subsidiaries and affiliates of listed parties${limits.length ? ` (${limits.join(', ')})` : ''}${products}`;
    }
    case 'OWNERSHIP_THRESHOLD':
      return `parties owned ${measure.reachMinPercent ?? 50}% or more, directly or indirectly, individually or in aggregate, by listed parties`;
    case 'CONTROL':
      return 'parties subject to the control of a listed party';
  }
}

function citeSources(data: ReachData, ids: string[]): string {
  const cited = ids
    .map((id) => data.nodes.get(id))
    .filter((node) => node !== undefined)
    .map((node) => [node.title, node.publisher].filter(Boolean).join(', '));
  return cited.length > 0 ? cited.join('; ') : 'source not recorded';
}

function name(data: ReachData, id: string): string {
  return data.nodes.get(id)?.name ?? id;
}
