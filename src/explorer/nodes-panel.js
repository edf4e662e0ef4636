// @ts-check
import { h, setChildren } from './dom.js';
import { isEntityKind, kindText } from './vocabulary.js';

/** @import { GraphNode } from '../operations/answers.js' */

/**
 * The Nodes panel: every node in the view as a keyboard-reachable row, so everything the mouse does on the
 * canvas (expand, focus) can also be done with Tab and Enter.
 *
 * @param {HTMLElement} container
 * @param {readonly GraphNode[]} nodes
 * @param {{
 *   focusId: string | undefined,
 *   expanded: ReadonlySet<string>,
 *   onExpand: (id: string) => void,
 *   onFocus: (id: string) => void,
 * }} options
 */
export function renderNodesPanel(container, nodes, { focusId, expanded, onExpand, onFocus }) {
  const sorted = [...nodes].sort(
    (a, b) => Number(b.restricted) - Number(a.restricted) || a.name.localeCompare(b.name),
  );
  setChildren(
    container,
    h(
      'p',
      { className: 'muted' },
      `${nodes.length} nodes in view. Expand adds a node's neighbours; Focus makes it the subject.`,
    ),
    h(
      'ul',
      { className: 'rows node-rows' },
      sorted.map((node) =>
        h(
          'li',
          { className: `node-row${node.restricted ? ' is-restricted' : ''}` },
          h('span', { className: `kind-chip kind-${node.kind.toLowerCase()}` }, kindText(node.kind)),
          h(
            'span',
            { className: 'node-name' },
            node.name,
            node.restricted ? h('span', { className: 'badge restricted-badge' }, 'restricted') : null,
          ),
          h(
            'span',
            { className: 'node-actions' },
            h(
              'button',
              {
                type: 'button',
                disabled: expanded.has(node.id) || node.id === focusId,
                onclick: () => onExpand(node.id),
                'aria-label': `Expand ${node.name}`,
              },
              'Expand',
            ),
            h(
              'button',
              {
                type: 'button',
                disabled: node.id === focusId || !isEntityKind(node.kind),
                onclick: () => onFocus(node.id),
                'aria-label': `Focus on ${node.name}`,
              },
              'Focus',
            ),
          ),
        ),
      ),
    ),
  );
}
