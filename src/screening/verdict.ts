import type { ScreeningVerdict } from '../model/model.js';

/**
 * RESTRICTED when a counted match is restricted; POSSIBLE_MATCH when a match to review is restricted, or there
 * are only matches to review; NOT_RESTRICTED only when counted matches exist and nothing matched, counted or for
 * review, is restricted; NO_MATCH when nothing matched, which says nothing about the party being clean.
 */
export function screeningVerdict(
  matches: readonly { needsReview: boolean; restricted: boolean }[],
): ScreeningVerdict {
  const counted = matches.filter((match) => !match.needsReview);
  const review = matches.filter((match) => match.needsReview);
  if (counted.some((match) => match.restricted)) return 'RESTRICTED';
  if (review.some((match) => match.restricted)) return 'POSSIBLE_MATCH';
  if (counted.length > 0) return 'NOT_RESTRICTED';
  return review.length > 0 ? 'POSSIBLE_MATCH' : 'NO_MATCH';
}
