import type { Page } from 'playwright-core';

/** The little of Cytoscape's API the probes use, through the explorer's read-only `window.explorer` handle. */
interface CyElement {
  id(): string;
  data(key: string): unknown;
  hasClass(name: string): boolean;
  renderedPosition(): { x: number; y: number };
}
interface CyCollection {
  length: number;
  map<T>(fn: (element: CyElement) => T): T[];
  filter(selector: string): CyCollection;
}
interface Cy {
  nodes(): CyCollection;
  edges(): CyCollection;
  getElementById(id: string): CyElement;
}
type ExplorerWindow = Window & { explorer: { cy: Cy } };

export interface GraphState {
  nodes: string[];
  edges: number;
  edgeLabels: string[];
  restricted: string[];
  highlighted: string[];
  highlightedEdgeTypes: string[];
  faded: number;
}

/** What the graph shows: node ids, restricted and highlighted nodes, edge labels. */
export function graphState(page: Page): Promise<GraphState> {
  return page.evaluate(() => {
    const { cy } = (window as unknown as ExplorerWindow).explorer;
    return {
      nodes: cy.nodes().map((node) => node.id()),
      edges: cy.edges().length,
      edgeLabels: cy.edges().map((edge) => String(edge.data('label'))),
      restricted: cy
        .nodes()
        .filter('.restricted')
        .map((node) => node.id()),
      highlighted: cy
        .nodes()
        .filter('.highlighted')
        .map((node) => node.id()),
      highlightedEdgeTypes: cy
        .edges()
        .filter('.highlighted')
        .map((edge) => String(edge.data('type'))),
      faded: cy.nodes().filter('.faded').length,
    };
  });
}

/** Waits until the explorer has finished loading (the graph region stops being aria-busy) and has drawn. */
export async function idle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.getElementById('graph')?.getAttribute('aria-busy') === 'false',
    undefined,
    { timeout: 90_000 },
  );
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
}

/** Where a node is drawn, relative to the graph's top-left corner. */
export function nodePosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((nodeId) => {
    const { cy } = (window as unknown as ExplorerWindow).explorer;
    return cy.getElementById(nodeId).renderedPosition();
  }, id);
}

/**
 * Counts the pixels of a screenshot that are not the white background, and those in the red that marks restricted
 * parties; the browser decodes the PNG, so the test needs no image library.
 */
export function blankness(page: Page, png: Buffer) {
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    let nonBackground = 0;
    let restrictedRed = 0;
    for (let index = 0; index < data.length; index += 4) {
      const [red, green, blue] = [data[index]!, data[index + 1]!, data[index + 2]!];
      if (red < 245 || green < 245 || blue < 245) nonBackground += 1;
      if (red > 170 && red < 230 && green < 70 && blue < 70) restrictedRed += 1;
    }
    return { total: image.width * image.height, nonBackground, restrictedRed };
  }, png.toString('base64'));
}
