import {
  BRAND_RELATIONS,
  KINDS,
  brandRelationLabel,
  isEntityKind,
  kindLabel,
  stepPhrase,
} from '../../model/vocabulary.js';
import { STRONG_SCHEMES } from '../../import/identifiers.js';
import type { PathStep } from '../../restrictions/types.js';

/** The vocabulary's words, served so that clients show the same ones. */
export const vocabularyResolvers = {
  Query: {
    vocabulary: () => ({
      kinds: KINDS.map((kind) => ({ kind, label: kindLabel(kind), entity: isEntityKind(kind) })),
      brandRelations: BRAND_RELATIONS.map((relation) => ({ relation, label: brandRelationLabel(relation) })),
      identifierSchemes: [...STRONG_SCHEMES],
    }),
  },
  PathStep: {
    label: (step: PathStep) => stepPhrase(step.type, 'UP'),
    reverseLabel: (step: PathStep) => stepPhrase(step.type, 'DOWN'),
  },
};
