import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FORMULA_CELLS, neutralised } from '../helpers/formula-cells.js';
import { BrowserSuite, POLL, WAIT_MS } from './browser-suite.js';
import { browserSuiteTitle, chromiumAvailable } from './chromium.js';
import { blankness, graphState, idle, nodePosition } from './page-probes.js';

const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-artifacts/explorer');
const AS_OF = '2025-06-01';
vi.setConfig({ testTimeout: 4 * WAIT_MS });
const suite = new BrowserSuite(ARTIFACTS);
let page: Page;

describe.skipIf(!chromiumAvailable)(browserSuiteTitle('explorer in Chromium'), () => {
  beforeAll(async () => {
    await suite.start();
    page = await openPage({ width: 1400, height: 900 });
    await page.goto(`${suite.server.url}/?asOf=${AS_OF}`);
  });

  afterAll(() => suite.stop());

  it('searching "Ezviz" offers the brand first and opens its graph', async () => {
    await page.fill('#search-input', 'Ezviz');
    const first = page.locator('#search-results [role=option]').first();
    await expect.poll(() => first.innerText(), POLL).toMatch(/^EZVIZ\s+Brand/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/entity=brand-ezviz/);
    await idle(page);
    await expect.poll(async () => (await graphState(page)).nodes.length, POLL).toBeGreaterThan(5);
    const graph = await graphState(page);
    expect(graph.nodes).toEqual(expect.arrayContaining(['brand-ezviz', 'ezviz-network', 'hikvision']));
    expect(graph.restricted).toEqual(expect.arrayContaining(['brand-ezviz', 'hikvision']));
    expect(graph.edgeLabels).toEqual(expect.arrayContaining(['brand of', 'subsidiary of']));
    await expect
      .poll(() => page.locator('#entity-header h2').innerText(), POLL)
      .toMatch(/^EZVIZ\s+Brand\s+restricted/);
    await page.screenshot({ path: path.join(ARTIFACTS, '1-ezviz-graph.png') });
  });

  it('"Why restricted?" shows the chain from §889 through Hikvision down to EZVIZ, with dates and sources', async () => {
    await page.click('#tab-why');
    const verdict = page.getByTestId('verdict');
    await expect.poll(() => verdict.innerText(), POLL).toMatch(`Restricted on ${AS_OF} by`);
    const chain = page.locator('.chain', { hasText: 'Section 889 Part A procurement ban' });
    const text = await chain.innerText();
    expect(text).toContain('Pub. L. 115-232, §889');
    expect(text).toMatch(/List: NDAA FY2019 Section 889 named entities/);
    expect(text).toMatch(
      /Listed party: Hangzhou Hikvision Digital Technology Co\., Ltd\. · listed 2018-08-13/,
    );
    expect(text).toMatch(/parent of\s+Hangzhou EZVIZ Network/);
    expect(text).toMatch(/owns the brand\s+EZVIZ/);
    expect(text).toContain('PRODUCT_OF');
    expect(await chain.locator('.badge.evidence-primary').count()).toBeGreaterThan(0);
    const links = await chain.locator('a[href^="http"]').count();
    expect(links).toBeGreaterThan(3);
    const whyNot = page.locator('.chain.why-not', { hasText: 'NS-CMIC securities prohibition' }).first();
    expect(await whyNot.innerText()).toMatch(/named only rule/);
  });

  it('clicking a chain highlights its path in the graph and fades the rest', async () => {
    await page.locator('.chain', { hasText: 'Section 889 Part A procurement ban' }).locator('h3').click();
    await expect.poll(() => page.locator('#status').innerText(), POLL).toMatch(/^Highlighted: EZVIZ → /);
    await idle(page);
    const graph = await graphState(page);
    expect(graph.highlighted).toEqual(
      expect.arrayContaining(['brand-ezviz', 'ezviz-network', 'hikvision', 'ndaa-889-entities']),
    );
    expect(graph.highlightedEdgeTypes).toEqual(
      expect.arrayContaining(['BRAND_OF', 'SUBSIDIARY_OF', 'DESIGNATED_ON']),
    );
    expect(graph.faded).toBeGreaterThan(0);
    expect(graph.highlighted).not.toContain('ofac-ns-cmic-list');
    await page.screenshot({ path: path.join(ARTIFACTS, '2-highlighted-chain.png') });
  });

  it('draws a graph canvas that is not blank', async () => {
    await page.keyboard.press('Escape');
    await page.click('#fit-button');
    const shot = await page
      .locator('#graph')
      .screenshot({ path: path.join(ARTIFACTS, '3-graph-canvas.png') });
    const pixels = await blankness(page, shot);
    expect(pixels.nonBackground / pixels.total).toBeGreaterThan(0.02);
    expect(pixels.restrictedRed).toBeGreaterThan(100);
  });

  it('shows details on hover, expands a node on click and focuses on double-click', async () => {
    const graphBox = (await page.locator('#graph').boundingBox())!;
    const at = async (id: string) => {
      const position = await nodePosition(page, id);
      return { x: graphBox.x + position.x, y: graphBox.y + position.y };
    };
    const hikvision = await at('hikvision');
    await page.mouse.move(hikvision.x, hikvision.y);
    await expect
      .poll(() => page.locator('#tooltip').innerText(), POLL)
      .toMatch(/Hangzhou Hikvision[\s\S]*RESTRICTED/);
    const cethik = await at('cethik');
    await page.mouse.click(cethik.x, cethik.y);
    await page.waitForURL(/expand=[^&]*cethik/);
    await idle(page);
    expect((await graphState(page)).nodes).toContain('cetc');
    await page.click('#fit-button');
    const network = await at('ezviz-network');
    await page.mouse.dblclick(network.x, network.y);
    await page.waitForURL(/entity=ezviz-network/);
    await idle(page);
    await expect
      .poll(() => page.locator('#entity-header h2').innerText(), POLL)
      .toMatch(/^Hangzhou EZVIZ Network/);
    expect(page.url()).not.toContain('expand=');
  });

  it('exports the view on screen as GraphML, CSV, Cytoscape JSON and PNG', async () => {
    await expect.poll(async () => (await graphState(page)).nodes, POLL).toContain('hikvision');
    const graph = await graphState(page);
    const graphml = fs.readFileSync((await exportFile('graphml'))[0]!, 'utf8');
    expect(graphml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<graphml xmlns="http:\/\/graphml.graphdrawing.org\/xmlns">/,
    );
    expect(graphml.match(/<node id=/g)).toHaveLength(graph.nodes.length);
    expect(graphml.match(/<edge id=/g)).toHaveLength(graph.edges);
    expect(graphml).toMatch(
      /<node id="hikvision"><data key="n_name">Hangzhou Hikvision Digital Technology Co\., Ltd\.<\/data><data key="n_kind">COMPANY<\/data><data key="n_restricted">true<\/data><\/node>/,
    );
    expect(graphml).toMatch(
      /<edge id="[^"]+" source="ezviz-network" target="hikvision"><data key="e_type">SUBSIDIARY_OF<\/data>/,
    );

    const [nodesFile, edgesFile] = await exportFile('csv');
    const nodes = fs.readFileSync(nodesFile!, 'utf8').trim().split('\r\n');
    expect(nodes[0]).toBe('id,name,kind,restricted');
    expect(nodes).toHaveLength(graph.nodes.length + 1);
    expect(nodes).toContain('hikvision,"Hangzhou Hikvision Digital Technology Co., Ltd.",COMPANY,true');
    const edges = fs.readFileSync(edgesFile!, 'utf8').trim().split('\r\n');
    expect(edges[0]).toBe('id,source,target,type,label,percent,validFrom,validTo,evidence');
    expect(edges).toHaveLength(graph.edges + 1);
    expect(
      edges.some((line) =>
        /^[^,]+,hikvision,ndaa-889-entities,DESIGNATED_ON,designated on 2018-08-13,/.test(line),
      ),
    ).toBe(true);

    // The download's writer, run in the page, on a view whose names and labels look like formulas.
    // (A string, so that vitest's transform leaves the page's own dynamic import alone.)
    const hostile = await page.evaluate<{ nodes: string; edges: string }>(`(async (cells) => {
      const { nodesCsv, edgesCsv } = await import('/exports.js');
      const nodes = cells.map((name, index) => ({ id: 'n' + index, name, kind: 'COMPANY', restricted: true }));
      const edges = cells.map((label, index) => ({ id: 'e' + index, source: 'n0', target: 'n1', label, percent: -5 }));
      return { nodes: nodesCsv(nodes), edges: edgesCsv(edges) };
    })(${JSON.stringify(FORMULA_CELLS)})`);
    const read = (text: string) => parse(text, { columns: true }) as Record<string, string>[];
    expect(read(hostile.nodes).map((row) => row.name)).toEqual(FORMULA_CELLS.map(neutralised));
    expect(read(hostile.edges).map((row) => [row.label, row.percent])).toEqual(
      FORMULA_CELLS.map((cell) => [neutralised(cell), '-5']),
    );

    const json = JSON.parse(fs.readFileSync((await exportFile('json'))[0]!, 'utf8'));
    expect(json.elements.nodes).toHaveLength(graph.nodes.length);
    const png = fs.readFileSync((await exportFile('png'))[0]!);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });

  it('restores entity, date and expanded nodes from a shared URL', async () => {
    const hikvision = await nodePosition(page, 'hikvision');
    const graphBox = (await page.locator('#graph').boundingBox())!;
    await page.mouse.click(graphBox.x + hikvision.x, graphBox.y + hikvision.y);
    await page.waitForURL(/expand=hikvision/);
    await idle(page);
    const shared = page.url();
    expect(shared).toMatch(new RegExp(`entity=ezviz-network.*asOf=${AS_OF}.*expand=hikvision`));
    const original = await graphState(page);

    const other = await openPage({ width: 1280, height: 800 });
    await other.goto(shared);
    await idle(other);
    await expect.poll(async () => (await graphState(other)).nodes.length, POLL).toBe(original.nodes.length);
    expect((await graphState(other)).nodes.sort()).toEqual([...original.nodes].sort());
    expect(await other.inputValue('#as-of')).toBe(AS_OF);
    await expect.poll(() => other.getByTestId('verdict').innerText(), POLL).toMatch(`Restricted on ${AS_OF}`);
    await other.reload();
    await expect.poll(async () => (await graphState(other)).nodes.length, POLL).toBe(original.nodes.length);
    await expect.poll(() => other.getByTestId('verdict').innerText(), POLL).toMatch(`Restricted on ${AS_OF}`);
    await other.screenshot({ path: path.join(ARTIFACTS, '4-shared-url.png') });
    await other.close();
  });

  it('works with the keyboard alone: search, tabs and the node list', async () => {
    const keys = await openPage({ width: 1280, height: 800 });
    await keys.goto(`${suite.server.url}/?asOf=${AS_OF}`);
    await keys.keyboard.press('/');
    await keys.keyboard.type('hikvison');
    await expect
      .poll(() => keys.locator('#search-results [role=option]').first().innerText(), POLL)
      .toMatch(/^Hangzhou Hikvision Digital Technology/);
    await keys.keyboard.press('Enter');
    await keys.waitForURL(/entity=hikvision/);
    await idle(keys);
    await keys.focus('#tab-why');
    await keys.keyboard.press('ArrowRight');
    expect(await keys.getAttribute('#tab-brands', 'aria-selected')).toBe('true');
    await expect
      .poll(() => keys.locator('#brands-panel').innerText(), POLL)
      .toMatch(/brands lead back to this entity/);
    expect(await keys.locator('#brands-panel').innerText()).toContain('EZVIZ');
    await keys.keyboard.press('ArrowRight');
    await expect.poll(() => keys.locator('#ownership-panel').innerText(), POLL).toMatch(/effective 38\.88 %/);
    await keys.keyboard.press('ArrowRight');
    const expand = keys.getByRole('button', { name: 'Expand Hangzhou EZVIZ Network Co., Ltd.' });
    await expand.focus();
    await keys.keyboard.press('Enter');
    await keys.waitForURL(/expand=ezviz-network/);
    await keys.close();
  });

  it('fits a narrow screen: graph above the panel, nothing wider than the window', async () => {
    const narrow = await openPage({ width: 390, height: 844 });
    await narrow.goto(`${suite.server.url}/?entity=brand-ezviz&asOf=${AS_OF}`);
    await expect.poll(() => narrow.getByTestId('verdict').innerText(), POLL).toMatch(/^Restricted/);
    const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const graphBox = (await narrow.locator('#graph').boundingBox())!;
    const panelBox = (await narrow.locator('#panel').boundingBox())!;
    expect(panelBox.y).toBeGreaterThanOrEqual(graphBox.y + graphBox.height - 1);
    await narrow.screenshot({ path: path.join(ARTIFACTS, '5-narrow.png'), fullPage: true });
    await narrow.close();
  });

  it('logs no console errors or warnings and no failed requests', () => {
    expect(suite.problems).toEqual([]);
  });
});

async function openPage(viewport: { width: number; height: number }): Promise<Page> {
  return suite.watch(await suite.browser.newPage({ viewport, acceptDownloads: true }));
}

/** Picks an entry of the Export menu and saves what it downloads (CSV gives two files) under test-artifacts. */
async function exportFile(format: 'png' | 'json' | 'graphml' | 'csv'): Promise<string[]> {
  const expected = format === 'csv' ? 2 : 1;
  const downloads: Promise<string>[] = [];
  const saved = new Promise<void>((resolve) => {
    const onDownload = (download: import('playwright-core').Download) => {
      const file = path.join(ARTIFACTS, download.suggestedFilename());
      downloads.push(download.saveAs(file).then(() => file));
      if (downloads.length === expected) {
        page.off('download', onDownload);
        resolve();
      }
    };
    page.on('download', onDownload);
  });
  await page.click('#export-button');
  await page.click(`[data-export=${format}]`);
  await saved;
  return Promise.all(downloads);
}
