import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { writeGraphML } from '../../src/export/graphml.js';
import { dataElement, keyElement, xmlText } from '../../src/formats/graphml-writer.js';

/** A name with a control character XML 1.0 cannot carry, quotes, angle brackets and an ampersand. */
const HOSTILE = 'Northern "Star" <Ltd> & Co\u0001\u001b\ufffe';
const CLEAN = 'Northern &quot;Star&quot; &lt;Ltd&gt; &amp; Co';

describe('GraphML writer', () => {
  it('escapes text and drops the control characters XML 1.0 cannot carry, keeping tabs and line breaks', () => {
    expect(xmlText(HOSTILE)).toBe(CLEAN);
    expect(xmlText('a\tb\nc\r')).toBe('a\tb\nc\r');
  });

  it('declares keys per domain and writes values, lists joined and nothing for null', () => {
    expect(keyElement('edge', 'percent', 'double')).toBe(
      '<key id="e_percent" for="edge" attr.name="percent" attr.type="double"/>',
    );
    expect(dataElement('node', 'aliases', ['A', 'B'])).toBe('<data key="n_aliases">A; B</data>');
    expect(dataElement('node', 'restricted', false)).toBe('<data key="n_restricted">false</data>');
    expect(dataElement('edge', 'percent', null)).toBe('');
  });

  it("gives the service's export and the explorer's download the same text for the same hostile name", async () => {
    const service = [
      ...writeGraphML({
        nodes: [{ id: 'n1', type: 'Company', labels: ['Company'], properties: { name: HOSTILE } }],
        relationships: [],
      }),
    ].join('');
    // The explorer's module runs here as it runs in the page: nothing of it touches the DOM until a download.
    const { toGraphml } = await import('../../src/explorer/exports.js');
    const explorer = toGraphml({
      nodes: [{ id: 'n1', name: HOSTILE, kind: 'COMPANY', restricted: true }],
      edges: [],
    });
    for (const xml of [service, explorer]) {
      expect(XMLValidator.validate(xml)).toBe(true);
      expect(xml).toContain(`<data key="n_name">${CLEAN}</data>`);
      const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
      expect(parsed.graphml.graph.node.id).toBe('n1');
    }
  });
});
