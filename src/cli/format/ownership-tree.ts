import type { EntityRef, OwnershipChain } from '../../operations/answers.js';
import type { Citations } from './citations.js';
import { backwardRelation, entityLabel, forwardRelation, percentLabel, periodLabel } from './path.js';
import { renderTree, type TreeNode } from './tree.js';

/**
 * Ownership paths merged into one tree from the root. Paths that reach the same party through the same parties
 * share a branch, and parallel relations between two parties (owns 38.88 %, subsidiary of) share a line; a
 * line ends with the best effective (multiplied) percentage of the paths ending there.
 */
export function renderOwnershipTree(chain: OwnershipChain, citations: Citations): string[] {
  const root = newBranch(chain.root);
  for (const path of chain.paths) {
    let branch = root;
    for (const step of path.steps) {
      const forward = step.from.id === branch.entity.id;
      const other = forward ? step.to : step.from;
      let child = branch.children.get(other.id);
      if (!child) {
        child = newBranch(other);
        branch.children.set(other.id, child);
      }
      const period = periodLabel(step.validFrom, step.validTo);
      child.relations.add(
        `${forward ? forwardRelation(step) : backwardRelation(step)}${period ? ` (${period})` : ''}`,
      );
      for (const marker of citations.cite(step.sources).match(/\[\d+\]/g) ?? []) child.markers.add(marker);
      branch = child;
    }
    if (path.steps.length > 1 && path.effectivePercent != null) {
      branch.effective = Math.max(branch.effective ?? 0, path.effectivePercent);
    }
  }
  return [entityLabel(chain.root), ...renderTree(toTree(root).children ?? [])];
}

function toTree(branch: Branch): TreeNode {
  const effective = branch.effective != null ? ` ⇒ effective ${percentLabel(branch.effective)}` : '';
  return {
    text: `${[...branch.relations].join(', ')} ${entityLabel(branch.entity)}${effective} ${[...branch.markers].join('')}`.trimEnd(),
    children: [...branch.children.values()].map(toTree),
  };
}

function newBranch(entity: EntityRef): Branch {
  return { entity, relations: new Set(), markers: new Set(), effective: null, children: new Map() };
}

interface Branch {
  entity: EntityRef;
  relations: Set<string>;
  markers: Set<string>;
  effective: number | null;
  children: Map<string, Branch>;
}
