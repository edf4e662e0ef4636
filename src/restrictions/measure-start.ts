import { addDays } from '../model/period.js';
import type { Designation, Measure } from './types.js';

/**
 * The first day a measure applies to a listing: the later of the measure's own start and the listing's start,
 * where a listing without its own effective date starts `designationDelayDays` after listing (e.g. 60 days
 * under EO 13959).
 */
export function measureStart(measure: Measure, designation: Designation): string {
  const listingStart =
    designation.effectiveFrom ?? addDays(designation.listedOn, measure.designationDelayDays ?? 0);
  return listingStart > measure.effectiveFrom ? listingStart : measure.effectiveFrom;
}
