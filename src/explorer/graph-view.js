// @ts-check
import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import { FONT_FAMILY, LABEL_MARGIN, LABELS, graphStyle, shortName } from './graph-style.js';
import { loadFontsFor } from './dom.js';
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
/** Fitting a chain zooms in no further than this (a chain of two nodes would fill the screen). */
const MAX_CHAIN_ZOOM = 1.6;
/** Room kept around a fitted chain, in CSS pixels: its labels hang below the nodes. */
const CHAIN_PADDING = 56;
/** Labels are placed again this long after the zoom stops changing. */
const RELABEL_MS = 60;
/** Which labels win a place first: the focus, a highlighted chain, restricted parties, other parties, lists. */
const ENTITY_KINDS = new Set(['COMPANY', 'PERSON', 'GOVERNMENT_BODY', 'BRAND']);

/**
 * The graph drawing: nodes styled by kind, restricted parties marked, edges labelled, laid out as a hierarchy.
 * Click expands a node, double-click focuses it, hovering shows details in `tooltip`.
 *
 * `bottomInset` says how much of the graph's bottom edge is covered (by the legend), for fits to keep clear.
 *
 * @param {HTMLElement} container
 * @param {HTMLElement} tooltip
 * @param {{ onExpand: (id: string) => void, onFocus: (id: string) => void, bottomInset?: () => number }} actions
 */
export function createGraphView(container, tooltip, { onExpand, onFocus, bottomInset = () => 0 }) {
  const cy = cytoscape({
    container,
    style: graphStyle(),
    minZoom: 0.15,
    maxZoom: 3,
    boxSelectionEnabled: false,
  });
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let clickTimer;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let relabelTimer;

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
  cy.on('zoom', () => {
    clearTimeout(relabelTimer);
    relabelTimer = setTimeout(() => placeLabels(cy), RELABEL_MS);
  });
  container.addEventListener('keydown', (event) => navigateWithKeys(cy, event, bottomInset()));

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
        added.push({
          group: 'nodes',
          data: { ...node, label: node.name, caption: '', captionSize: LABELS.baseSize, captionWidth: 1 },
        });
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
            caption: '',
            captionSize: LABELS.edgeSize,
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
      // Labels are measured with the page's fonts: wait for them (and for the Chinese subsets the names need,
      // which a canvas does not ask for by itself), so that the layout leaves room for every label.
      await loadFontsFor(cy.nodes().map((node) => String(node.data('name'))));
      this.layout();
      return added.length;
    },
    /**
     * Lays the graph out as a hierarchy and fits it. When it fits with every label at its full size, the layout
     * leaves room for the labels; otherwise it is laid out for the nodes alone, tighter, and the labels that fit
     * are placed at a readable size (placeLabels).
     */
    layout() {
      cy.batch(() => {
        cy.nodes().forEach((node) => {
          node.data({
            caption: shortName(String(node.data('name'))),
            captionSize: LABELS.baseSize,
            captionWidth: LABELS.wrapPx,
          });
        });
      });
      runLayout(cy, true);
      fitReadable(cy, bottomInset());
      // Room for every label if they need to grow by a tenth at most to be readable (placeLabels grows them).
      if (cy.zoom() * LABELS.baseSize < 0.9 * LABELS.minPx) {
        runLayout(cy, false);
        fitReadable(cy, bottomInset());
      }
      placeLabels(cy);
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
      if (nodes.length > 0) fitChain(cy, nodes.union(edges), bottomInset());
      placeLabels(cy);
      return { nodes: nodes.length, edges: edges.length };
    },
    /** Whether a chain is highlighted. */
    highlighted() {
      return cy.elements('.highlighted').nonempty();
    },
    clearHighlight() {
      if (cy.elements('.highlighted, .faded').empty()) return;
      cy.elements().removeClass('highlighted faded');
      placeLabels(cy);
    },
    fit() {
      fitReadable(cy, bottomInset());
      placeLabels(cy);
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

/**
 * @param {cytoscape.Core} cy
 * @param {boolean} withLabels whether dagre leaves room for each node's label
 */
function runLayout(cy, withLabels) {
  cy.layout(
    /** @type {cytoscape.LayoutOptions} */ ({
      name: 'dagre',
      rankDir: 'TB',
      nodeSep: withLabels ? 30 : 40,
      rankSep: withLabels ? 90 : 100,
      edgeSep: 14,
      nodeDimensionsIncludeLabels: withLabels,
      animate: false,
    }),
  ).run();
}

/**
 * The zoom and pan that show `box` centred in the graph's area above `inset`, with `padding` around it, zoomed in
 * no further than `maxZoom`.
 *
 * @param {cytoscape.Core} cy
 * @param {cytoscape.BoundingBox12 & { w: number, h: number }} box
 * @param {number} padding
 * @param {number} maxZoom
 * @param {number} inset
 */
function fitting(cy, box, padding, maxZoom, inset) {
  const width = Math.max(cy.width() - 2 * padding, 1);
  const height = Math.max(cy.height() - inset - 2 * padding, 1);
  const fitted = Math.min(width / Math.max(box.w, 1), height / Math.max(box.h, 1));
  const zoom = Math.max(cy.minZoom(), Math.min(fitted, maxZoom, cy.maxZoom()));
  return {
    zoom,
    pan: {
      x: cy.width() / 2 - zoom * (box.x1 + box.w / 2),
      y: (cy.height() - inset) / 2 - zoom * (box.y1 + box.h / 2),
    },
  };
}

// Private: fits the graph to the window, but never zooms a small graph in so far that it looks broken.
/**
 * @param {cytoscape.Core} cy
 * @param {number} inset
 */
function fitReadable(cy, inset) {
  cy.stop();
  if (cy.elements().empty()) return;
  cy.viewport(fitting(cy, cy.elements().boundingBox(), 30, MAX_FIT_ZOOM, inset));
}

/**
 * Fits a chain: centred, as large as the window allows with room for its labels, but zoomed in no further than
 * MAX_CHAIN_ZOOM (nor out beyond the graph's own bounds).
 *
 * @param {cytoscape.Core} cy
 * @param {cytoscape.Collection} chain
 * @param {number} inset
 */
function fitChain(cy, chain, inset) {
  const box = chain.boundingBox({ includeLabels: false, includeOverlays: false });
  cy.stop();
  cy.animate(fitting(cy, box, CHAIN_PADDING, MAX_CHAIN_ZOOM, inset), { duration: 250 });
}

/**
 * Places the node labels for the current zoom: each at least LABELS.minPx on screen (its size in the drawing
 * grows as the zoom shrinks), in order of importance (labelRank), each only where it overlaps no label already
 * placed and no other node. The others stay blank until a zoom leaves them room; hovering shows every name.
 * While a chain is highlighted, only its nodes are labelled, and the faded rest does not stand in their way.
 * Labels are measured here rather than by Cytoscape, so that each node's label data changes at most once.
 *
 * @param {cytoscape.Core} cy
 */
function placeLabels(cy) {
  const zoom = cy.zoom();
  // Whole sizes, rounded up so that none comes out below the least size on screen.
  const size = Math.ceil(Math.max(LABELS.baseSize, LABELS.minPx / zoom));
  const focusSize = Math.ceil(Math.max(LABELS.baseSize, LABELS.focusPx / zoom));
  const gap = 4 / zoom;
  // A phone's graph is narrow: labels wrap sooner there, so that more of them find room.
  const wrapPx = cy.width() < LABELS.narrowPx ? LABELS.narrowWrapPx : LABELS.wrapPx;
  const ranked = cy
    .nodes(':visible')
    .toArray()
    .sort((a, b) => labelRank(a) - labelRank(b) || b.degree(false) - a.degree(false));
  const chainShown = ranked.some((node) => node.hasClass('highlighted'));
  const bodies = ranked
    .filter((node) => !chainShown || node.hasClass('highlighted'))
    .map((node) => ({
      id: node.id(),
      box: node.boundingBox({ includeLabels: false, includeOverlays: false, includeUnderlays: false }),
    }));
  /** @type {cytoscape.BoundingBox12[]} */
  const placed = [];
  /** @type {[cytoscape.NodeSingular | cytoscape.EdgeSingular, { caption: string, captionSize: number, captionWidth?: number }][]} */
  const changes = [];
  for (const node of ranked) {
    const captionSize = node.hasClass('focus') ? focusSize : size;
    const captionWidth = Math.round((wrapPx * captionSize) / LABELS.baseSize);
    const text = shortName(String(node.data('name')));
    const box = labelBox(node, text, captionSize, captionWidth, gap);
    const clashes =
      (chainShown && !node.hasClass('highlighted')) ||
      placed.some((other) => overlaps(box, other)) ||
      bodies.some((body) => body.id !== node.id() && overlaps(box, body.box));
    const caption = clashes && !node.hasClass('focus') ? '' : text;
    if (caption) placed.push(box);
    const data = node.data();
    if (data.caption !== caption || data.captionSize !== captionSize || data.captionWidth !== captionWidth)
      changes.push([node, { caption, captionSize, captionWidth }]);
  }
  // Edge labels: those of a highlighted chain always, at the nodes' size; others only while they come out at
  // LABELS.edgeMinPx or more on screen, and none on faded edges.
  const edgeSize = Math.ceil(Math.max(LABELS.edgeSize, LABELS.minPx / zoom));
  const edgesReadable = LABELS.edgeSize * zoom >= LABELS.edgeMinPx;
  for (const edge of cy.edges(':visible').toArray()) {
    const highlighted = edge.hasClass('highlighted');
    const caption =
      highlighted || (edgesReadable && !edge.hasClass('faded')) ? String(edge.data('label') ?? '') : '';
    const captionSize = highlighted ? edgeSize : LABELS.edgeSize;
    if (edge.data('caption') !== caption || edge.data('captionSize') !== captionSize)
      changes.push([edge, { caption, captionSize }]);
  }
  cy.batch(() => {
    for (const [element, data] of changes) element.data(data);
  });
}

/** @type {CanvasRenderingContext2D | null} */
let measure = null;

/**
 * Where a node's label would be drawn, in the drawing's units, with `gap` around it: centred below the node,
 * wrapped at spaces as Cytoscape wraps it (text-wrap: wrap), one font size a line.
 *
 * @param {cytoscape.NodeSingular} node
 * @param {string} text
 * @param {number} size
 * @param {number} wrapWidth
 * @param {number} gap
 * @returns {cytoscape.BoundingBox12}
 */
function labelBox(node, text, size, wrapWidth, gap) {
  measure ??= document.createElement('canvas').getContext('2d');
  let width = text.length * size * 0.6;
  let lines = 1;
  if (measure) {
    const bold = node.hasClass('restricted') || node.hasClass('focus');
    measure.font = `${bold ? 'bold ' : ''}${size}px ${FONT_FAMILY}`;
    const wrapped = wrapWords(measure, text, wrapWidth);
    width = Math.max(...wrapped.map((line) => measure?.measureText(line).width ?? 0));
    lines = wrapped.length;
  }
  const { x, y } = node.position();
  const top = y + node.outerHeight() / 2 + LABEL_MARGIN;
  return { x1: x - width / 2 - gap, x2: x + width / 2 + gap, y1: top - gap, y2: top + lines * size + gap };
}

/**
 * @param {CanvasRenderingContext2D} context
 * @param {string} text
 * @param {number} maxWidth
 */
function wrapWords(context, text, maxWidth) {
  /** @type {string[]} */
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const longer = line ? `${line} ${word}` : word;
    if (line && context.measureText(longer).width > maxWidth) {
      lines.push(line);
      line = word;
    } else line = longer;
  }
  lines.push(line);
  return lines;
}

/**
 * How soon a node's label is placed: lower first.
 *
 * @param {cytoscape.NodeSingular} node
 */
function labelRank(node) {
  if (node.hasClass('focus')) return 0;
  if (node.hasClass('highlighted')) return 1;
  if (node.hasClass('faded')) return 9;
  const entity = ENTITY_KINDS.has(node.data('kind'));
  if (entity && node.data('restricted') === true) return 2;
  if (node.hasClass('expanded')) return 3;
  if (entity) return 4;
  return node.data('kind') === 'LIST' ? 5 : 6;
}

/**
 * @param {cytoscape.BoundingBox12} a
 * @param {cytoscape.BoundingBox12} b
 */
function overlaps(a, b) {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
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
 * @param {number} inset
 */
function navigateWithKeys(cy, event, inset) {
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
    fitReadable(cy, inset);
  } else return;
  event.preventDefault();
}
