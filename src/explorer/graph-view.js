// @ts-check
import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import { graphStyle } from './graph-style.js';
import { kindText } from './vocabulary.js';

/** @import { GraphEdge, GraphNode, Neighborhood } from '../operations/answers.js' */
/** @typedef {ReturnType<typeof createGraphView>} GraphView */
/**
 * A node as drawn: what the API said of it.
 *
 * @typedef {GraphNode} DrawnNode
 */
/**
 * An edge as drawn, in the API's direction (the drawing may lay it out reversed, see `pointsUp`).
 *
 * @typedef {Omit<GraphEdge, 'pointsUp'>} DrawnEdge
 */

cytoscape.use(dagre);

/** Time that separates a click (expand) from the first click of a double-click (focus). */
const DOUBLE_CLICK_MS = 260;
/** Fitting a two-node graph would blow it up; beyond this zoom labels look oversized. */
const MAX_FIT_ZOOM = 1.4;

/**
 * The graph drawing: nodes styled by kind, restricted parties marked, edges labelled, laid out as a hierarchy.
 * Click expands a node, double-click focuses it, hovering shows details in `tooltip`.
 *
 * @param {HTMLElement} container
 * @param {HTMLElement} tooltip
 * @param {{ onExpand: (id: string) => void, onFocus: (id: string) => void }} actions
 */
export function createGraphView(container, tooltip, { onExpand, onFocus }) {
  const cy = cytoscape({
    container,
    style: graphStyle(),
    minZoom: 0.15,
    maxZoom: 3,
    boxSelectionEnabled: false,
  });
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let clickTimer;

  cy.on('tap', 'node', (event) => {
    const id = event.target.id();
    clearTimeout(clickTimer);
    clickTimer = setTimeout(() => onExpand(id), DOUBLE_CLICK_MS);
  });
  cy.on('dbltap', 'node', (event) => {
    clearTimeout(clickTimer);
    onFocus(event.target.id());
  });
  cy.on('mouseover', 'node, edge', (event) => showTooltip(tooltip, container, event));
  cy.on('mouseout', 'node, edge', () => (tooltip.hidden = true));
  cy.on('viewport', () => (tooltip.hidden = true));
  container.addEventListener('keydown', (event) => navigateWithKeys(cy, event));

  return {
    cy,
    /**
     * Replaces the drawing with a neighbourhood; `focusId` is the entity the page is about.
     *
     * @param {Neighborhood} view
     * @param {string} focusId
     */
    show(view, focusId) {
      cy.elements().remove();
      return this.merge(view, focusId);
    },
    /**
     * Adds nodes and edges not yet drawn, then lays the whole graph out again; resolves to how many were added.
     *
     * @param {Neighborhood} view
     * @param {string} focusId
     */
    async merge(view, focusId) {
      const known = new Set(cy.elements().map((element) => element.id()));
      /** @type {cytoscape.ElementDefinition[]} */
      const added = [];
      for (const node of view.nodes) {
        if (known.has(node.id)) {
          cy.getElementById(node.id).data('restricted', node.restricted);
          continue;
        }
        known.add(node.id);
        added.push({ group: 'nodes', data: { ...node, label: node.name } });
      }
      for (const edge of view.edges) {
        if (known.has(edge.id) || !known.has(edge.source) || !known.has(edge.target)) continue;
        known.add(edge.id);
        // An edge that points up the hierarchy (from the part to the whole, as the API says) is laid out
        // reversed, so that owners, parents, brand owners and lists sit above what they own, list or make; the
        // arrow still points the API's way (see the `reversed` class in graph-style.js).
        const reversed = edge.pointsUp;
        added.push({
          group: 'edges',
          classes: reversed ? 'reversed' : '',
          data: {
            ...edge,
            apiSource: edge.source,
            apiTarget: edge.target,
            source: reversed ? edge.target : edge.source,
            target: reversed ? edge.source : edge.target,
          },
        });
      }
      cy.add(added);
      cy.nodes().removeClass('focus');
      if (focusId) cy.getElementById(focusId).addClass('focus');
      for (const node of cy.nodes()) node.toggleClass('restricted', node.data('restricted') === true);
      // Labels are measured with the page's fonts: wait for them, so that the layout leaves room for every label.
      await document.fonts.ready;
      this.layout();
      return added.length;
    },
    layout() {
      cy.layout(
        /** @type {cytoscape.LayoutOptions} */ ({
          name: 'dagre',
          rankDir: 'TB',
          nodeSep: 30,
          rankSep: 90,
          edgeSep: 14,
          nodeDimensionsIncludeLabels: true,
          animate: false,
        }),
      ).run();
      fitReadable(cy);
    },
    /** @param {ReadonlySet<string>} ids */
    markExpanded(ids) {
      cy.nodes().forEach((node) => {
        node.toggleClass('expanded', ids.has(node.id()));
      });
    },
    /**
     * Brings forward a chain of nodes and the edges between consecutive ones; everything else fades.
     *
     * @param {ReadonlySet<string>} nodeIds
     * @param {ReadonlySet<string>} edgeIds
     */
    highlight(nodeIds, edgeIds) {
      cy.elements().removeClass('highlighted faded');
      const nodes = cy.nodes().filter((node) => nodeIds.has(node.id()));
      const edges = cy.edges().filter((edge) => edgeIds.has(edge.id()));
      cy.elements().not(nodes).not(edges).addClass('faded');
      nodes.addClass('highlighted');
      edges.addClass('highlighted');
      if (nodes.length > 0) cy.animate({ fit: { eles: nodes.union(edges), padding: 50 }, duration: 250 });
      return { nodes: nodes.length, edges: edges.length };
    },
    clearHighlight() {
      cy.elements().removeClass('highlighted faded');
    },
    fit() {
      fitReadable(cy);
    },
    /**
     * Edges joining two nodes either way, for highlighting a path step whatever the edge's direction: those of
     * the given types when there are any, else all of them.
     *
     * @param {string} a
     * @param {string} b
     * @param {readonly string[]} types
     */
    edgesBetween(a, b, types = []) {
      const between = cy
        .edges()
        .filter(
          (edge) =>
            (edge.data('apiSource') === a && edge.data('apiTarget') === b) ||
            (edge.data('apiSource') === b && edge.data('apiTarget') === a),
        );
      const typed = between.filter((edge) => types.includes(edge.data('type')));
      return (typed.nonempty() ? typed : between).map((edge) => edge.id());
    },
    /** @param {string} id */
    has(id) {
      return cy.getElementById(id).nonempty();
    },
    /**
     * The drawn nodes and edges as plain data, edges in the API's direction: what the exports write.
     *
     * @returns {{ nodes: DrawnNode[], edges: DrawnEdge[] }}
     */
    snapshot() {
      return {
        nodes: cy.nodes().map((node) => ({
          id: node.id(),
          name: node.data('name'),
          kind: node.data('kind'),
          restricted: node.data('restricted') === true,
        })),
        edges: cy.edges().map((edge) => ({
          id: edge.id(),
          source: edge.data('apiSource'),
          target: edge.data('apiTarget'),
          type: edge.data('type'),
          label: edge.data('label'),
          percent: edge.data('percent') ?? null,
          validFrom: edge.data('validFrom') ?? null,
          validTo: edge.data('validTo') ?? null,
          evidence: edge.data('evidence') ?? null,
        })),
      };
    },
  };
}

// Private: fits the graph to the window, but never zooms a small graph in so far that it looks broken.
/** @param {cytoscape.Core} cy */
function fitReadable(cy) {
  cy.fit(undefined, 30);
  if (cy.zoom() > MAX_FIT_ZOOM) {
    cy.zoom(MAX_FIT_ZOOM);
    cy.center();
  }
}

// Private: a small card near the pointer with what the element is, its dates and its evidence grade.
/**
 * @param {HTMLElement} tooltip
 * @param {HTMLElement} container
 * @param {cytoscape.EventObject} event
 */
function showTooltip(tooltip, container, event) {
  const data = event.target.data();
  const lines = event.target.isNode()
    ? [data.name, `${kindText(data.kind)} · ${data.id}`, data.restricted ? 'RESTRICTED' : '']
    : [
        data.label,
        data.type,
        data.validFrom || data.validTo ? `${data.validFrom ?? '?'} → ${data.validTo ?? 'today'}` : '',
        data.evidence ? `evidence: ${data.evidence}` : '',
      ];
  tooltip.replaceChildren(
    ...lines.filter(Boolean).map((line, index) => {
      const div = document.createElement('div');
      div.textContent = line;
      if (index === 0) div.className = 'tooltip-title';
      if (line === 'RESTRICTED') div.className = 'tooltip-restricted';
      return div;
    }),
  );
  const position = event.renderedPosition ?? event.target.renderedMidpoint?.() ?? { x: 0, y: 0 };
  const bounds = container.getBoundingClientRect();
  tooltip.style.left = `${Math.min(position.x + 14, bounds.width - 220)}px`;
  tooltip.style.top = `${position.y + 14}px`;
  tooltip.hidden = false;
}

// Private: the canvas has no focusable parts, so the keyboard pans (arrows), zooms (+ and -) and fits (0).
/**
 * @param {cytoscape.Core} cy
 * @param {KeyboardEvent} event
 */
function navigateWithKeys(cy, event) {
  const step = 60;
  /** @type {Record<string, [number, number]>} */
  const moves = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
  const move = moves[event.key];
  if (move) {
    const [x, y] = move;
    cy.panBy({ x, y });
  } else if (event.key === '+' || event.key === '=') {
    cy.zoom({ level: cy.zoom() * 1.2, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  } else if (event.key === '-') {
    cy.zoom({ level: cy.zoom() / 1.2, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  } else if (event.key === '0') {
    cy.fit(undefined, 30);
  } else return;
  event.preventDefault();
}
