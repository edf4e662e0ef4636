// @ts-check
// A plain ES module, not TypeScript: the explorer's GraphML download runs this same file in the browser (the
// service serves it), so the service's export and the explorer's write keys, values and text by the same rules.

/** @typedef {'string' | 'double' | 'boolean'} GraphmlType */
/** @typedef {'node' | 'edge'} GraphmlDomain */

/**
 * XML-escapes text for an element or a quoted attribute, and drops the control characters XML 1.0 cannot carry
 * (a name or note with one would make the whole file unreadable to an XML parser).
 *
 * @param {string} value
 * @returns {string}
 * @example
 * xmlText('Northern "Star" <Ltd>\u0001'); // 'Northern &quot;Star&quot; &lt;Ltd&gt;'
 */
export function xmlText(value) {
  return value
    .replace(/\p{Cc}/gu, (char) => (char === '\t' || char === '\n' || char === '\r' ? char : ''))
    .replace(/[\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * The GraphML type a value is declared with: numbers are doubles, booleans booleans, anything else text.
 *
 * @param {unknown} value
 * @returns {GraphmlType}
 */
export function graphmlType(value) {
  return typeof value === 'number' ? 'double' : typeof value === 'boolean' ? 'boolean' : 'string';
}

/**
 * A <key> declaration. Node and edge keys live in separate namespaces (n_*, e_*) because their properties
 * overlap (`note`, `sources`, `type`).
 *
 * @param {GraphmlDomain} domain
 * @param {string} name
 * @param {GraphmlType} type
 * @returns {string}
 */
export function keyElement(domain, name, type) {
  return `<key id="${keyId(domain, name)}" for="${domain}" attr.name="${xmlText(name)}" attr.type="${type}"/>`;
}

/**
 * A <data> element for one property, or '' when the value is null or undefined (GraphML leaves it out). Lists
 * (aliases, identifiers, sources) are joined with "; ", since GraphML has no list type.
 *
 * @param {GraphmlDomain} domain
 * @param {string} name
 * @param {unknown} value
 * @returns {string}
 */
export function dataElement(domain, name, value) {
  if (value === null || value === undefined) return '';
  const text = Array.isArray(value) ? value.map(String).join('; ') : String(value);
  return `<data key="${keyId(domain, name)}">${xmlText(text)}</data>`;
}

/**
 * @param {GraphmlDomain} domain
 * @param {string} name
 */
function keyId(domain, name) {
  return `${domain === 'node' ? 'n' : 'e'}_${xmlText(name)}`;
}
