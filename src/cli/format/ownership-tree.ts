import type { OwnershipChain, PathStep } from '../operations.js';
import type { Citations } from './citations.js';
import { backwardRelation, entityLabel, forwardRelation, percentLabel, periodLabel } from './path.js';
import { renderTree, type TreeNode } from './tree.js';

/**
 * Ownership paths merged into one tree from the root (paths sharing a prefix share branches); each path's end
 * shows its effective (multiplied) percentage.
 */
export function renderOwnershipTree(chain: OwnershipChain, citations: Citations): string[] {
  const root: Branch = { node: { text: entityLabel(chain.root), children: [] }, next: new Map() };
  for (const path of chain.paths) {
    let branch = root;
    let at = chain.root.id;
    for (const step of path.steps) {
      const forward = step.from.id === at;
      const other = forward ? step.to : step.from;
      const key = `${step.relation}:${other.id}`;
      let child = branch.next.get(key);
      if (!child) {
        child = { node: { text: stepText(step, forward, citations), children: [] }, next: new Map() };
        branch.next.set(key, child);
        branch.node.children!.push(child.node);
      }
      branch = child;
      at = other.id;
    }
    if (path.effectivePercent != null && path.steps.length > 1) {
      branch.node.text += ` ⇒ effective ${percentLabel(path.effectivePercent)}`;
    }
  }
  return [root.node.text, ...renderTree(root.node.children ?? [])];
}

function stepText(step: PathStep, forward: boolean, citations: Citations): string {
  const other = forward ? step.to : step.from;
  const relation = forward ? forwardRelation(step) : backwardRelation(step);
  const period = periodLabel(step.validFrom, step.validTo);
  return `${relation} ${entityLabel(other)}${period ? ` · ${period}` : ''} ${citations.cite(step.sources)}`.trimEnd();
}

interface Branch {
  node: TreeNode;
  next: Map<string, Branch>;
}
