/**
 * A generated corpus of hostile requests: wrong types, bad dates, huge strings and lists, Lucene and Cypher
 * metacharacters, NUL and right-to-left text, bad GET parameters, batches and odd content types. Each is a
 * client's mistake or an attack, so none may answer INTERNAL_SERVER_ERROR or a 5xx.
 *
 * Run against a running service: `npx tsx test/reliability/hostile-corpus.ts http://127.0.0.1:4170`.
 */

export interface HostileRequest {
  label: string;
  method: 'GET' | 'POST' | 'PUT';
  /** Query string for GET (after /graphql). */
  search?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface HostileAnswer {
  label: string;
  status: number;
  internal: boolean;
  /** A stack frame or driver text in the body. */
  leak: boolean;
  ms: number;
}

const json = (query: string, variables?: unknown, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ query, variables, ...extra });

const WEIRD_STRINGS: Record<string, string> = {
  empty: '',
  blank: '   ',
  nul: 'Hik\u0000vision',
  rtl: '\u202eHikvision\u202c',
  bidi: '\u2067هيكفيجن\u2069',
  zalgo: 'H̷̛̗i̶k̸v̵i̴s̷i̸o̵n̸',
  emoji: '🏭📹',
  lucene: 'hik* OR name:~ AND [a TO z] \\ / ( ) { } ^ " ~ ? : ! && || -+',
  luceneOnly: '*?~^',
  cypher: "') MATCH (n) DETACH DELETE n //",
  cypher2: '`}) RETURN 1 UNION MATCH (n) RETURN n //',
  quotes: `"'\`\\"`,
  long: 'x'.repeat(100_000),
  huge: 'y'.repeat(1_000_000),
  control: '\u001b[31mred\u0007\b\r\n',
  surrogate: '\ud800broken',
  sql: "1' OR '1'='1",
  path: '../../../../etc/passwd',
  html: '<script>alert(1)</script>',
};

const WRONG_VALUES: Record<string, unknown> = {
  float: 1.5,
  big: 2 ** 31,
  negative: -1,
  huge: Number.MAX_SAFE_INTEGER,
  true: true,
  object: { a: 1 },
  list: [1, 2],
  null: null,
  string: 'seven',
  nan: 'NaN',
};

const BAD_DATES = [
  '2021-02-30',
  '1',
  'March 7 2021',
  '2021-13-01',
  '0000-00-00',
  '99999-01-01',
  '2021-02-30T00:00:00Z',
  '',
  '2021-03-07T25:00:00Z',
];

/** Query fields and the variables they take, for wrong-typed variables. */
const VARIABLE_SHAPES: { query: string; names: string[] }[] = [
  { query: 'query($id: ID!) { entity(id: $id) { id name } }', names: ['id'] },
  { query: 'query($q: String!, $n: Int) { search(query: $q, first: $n) { totalCount } }', names: ['q', 'n'] },
  { query: 'query($names: [String!]!) { screen(names: $names) { input } }', names: ['names'] },
  {
    query:
      'query($id: ID!, $d: Date, $m: Int, $e: Evidence) { explainRestrictions(id: $id, asOf: $d, maxDepth: $m, minEvidence: $e) { restricted } }',
    names: ['id', 'd', 'm', 'e'],
  },
  { query: 'query($s: DateTime, $l: Int) { changes(since: $s, limit: $l) { id } }', names: ['s', 'l'] },
  {
    query:
      'query($id: ID!, $p: Float, $m: Int) { ownershipChain(id: $id, minPercent: $p, maxDepth: $m) { paths { effectivePercent } } }',
    names: ['id', 'p', 'm'],
  },
  {
    query:
      'query($id: ID!, $depth: Int, $limit: Int) { neighborhood(id: $id, depth: $depth, limit: $limit) { nodes { id } } }',
    names: ['id', 'depth', 'limit'],
  },
];

const VALID: Record<string, unknown> = {
  id: 'hikvision',
  q: 'hikvision',
  n: 5,
  names: ['Hikvision'],
  d: '2024-01-01',
  m: 3,
  e: 'SECONDARY',
  s: '2024-01-01T00:00:00Z',
  l: 10,
  p: 10,
  depth: 1,
  limit: 20,
};

export function hostileCorpus(): HostileRequest[] {
  const corpus: HostileRequest[] = [];
  const post = (label: string, body: string, headers: Record<string, string> = {}) =>
    corpus.push({ label, method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

  // Wrong types: every variable of every shape gets every wrong value, the others valid.
  for (const shape of VARIABLE_SHAPES) {
    for (const name of shape.names) {
      for (const [kind, value] of Object.entries(WRONG_VALUES)) {
        post(
          `variable ${name}=${kind} in ${shape.query.slice(0, 40)}`,
          json(shape.query, { ...VALID, [name]: value }),
        );
      }
    }
  }
  // Bad dates, as variables and as literals.
  for (const date of BAD_DATES) {
    post(`asOf variable ${date}`, json(VARIABLE_SHAPES[3]!.query, { ...VALID, d: date }));
    post(`since variable ${date}`, json(VARIABLE_SHAPES[4]!.query, { ...VALID, s: date }));
    post(
      `asOf literal ${date}`,
      json(`{ explainRestrictions(id: "hikvision", asOf: ${JSON.stringify(date)}) { restricted } }`),
    );
    post(`since literal ${date}`, json(`{ changes(since: ${JSON.stringify(date)}) { id } }`));
    post(
      `brands asOf literal ${date}`,
      json(`{ brandsLinkedTo(id: "hikvision", asOf: ${JSON.stringify(date)}) { brand { id } } }`),
    );
  }
  // Strange strings in every string argument.
  for (const [kind, text] of Object.entries(WEIRD_STRINGS)) {
    post(
      `search ${kind}`,
      json('query($q: String!) { search(query: $q) { totalCount edges { node { id } } } }', { q: text }),
    );
    post(
      `screen ${kind}`,
      json('query($n: [String!]!) { screen(names: $n) { input matches { score } } }', { n: [text] }),
    );
    post(`entity ${kind}`, json('query($id: ID!) { entity(id: $id) { id } }', { id: text }));
    post(
      `explain ${kind}`,
      json('query($id: ID!) { explainRestrictions(id: $id) { restricted } }', { id: text }),
    );
    post(
      `chain ${kind}`,
      json('query($id: ID!) { ownershipChain(id: $id) { paths { effectivePercent } } }', { id: text }),
    );
    post(
      `neighborhood ${kind}`,
      json('query($id: ID!) { neighborhood(id: $id) { nodes { id } } }', { id: text }),
    );
    post(
      `search cursor ${kind}`,
      json('query($a: String) { search(query: "hik", after: $a) { totalCount } }', { a: text }),
    );
    post(
      `mutation without key ${kind}`,
      json('mutation($r: String!) { retractFact(id: "hikvision", reason: $r) { id } }', { r: text }),
    );
  }
  // Huge lists and batch budgets.
  const names = (count: number, text = 'Hikvision') =>
    Array.from({ length: count }, (_, i) => `${text} ${i}`);
  post('screen 501 names', json('query($n: [String!]!) { screen(names: $n) { input } }', { n: names(501) }));
  post(
    'screen 10000 names',
    json('query($n: [String!]!) { screen(names: $n) { input } }', { n: names(10_000) }),
  );
  post(
    'screen 15 aliases x 500',
    json(
      `query($n: [String!]!) { ${Array.from({ length: 15 }, (_, i) => `a${i}: screen(names: $n) { input }`).join(' ')} }`,
      {
        n: names(500),
      },
    ),
  );
  post(
    'search kinds 1000 values',
    json(`{ search(query: "hik", kinds: [${Array(1000).fill('COMPANY').join(',')}]) { totalCount } }`),
  );
  // Numbers out of range.
  for (const value of [0, -1, 11, 1000, 2147483647]) {
    post(
      `maxDepth ${value}`,
      json(`{ explainRestrictions(id: "hikvision", maxDepth: ${value}) { restricted } }`),
    );
    post(
      `brand maxDepth ${value}`,
      json(`{ brandsLinkedTo(id: "hikvision", maxDepth: ${value}) { brand { id } } }`),
    );
    post(
      `chain maxDepth ${value}`,
      json(`{ ownershipChain(id: "hikvision", maxDepth: ${value}) { paths { effectivePercent } } }`),
    );
    post(`first ${value}`, json(`{ search(query: "hik", first: ${value}) { totalCount } }`));
    post(
      `neighborhood depth ${value}`,
      json(`{ neighborhood(id: "hikvision", depth: ${value}) { nodes { id } } }`),
    );
    post(
      `neighborhood limit ${value}`,
      json(`{ neighborhood(id: "hikvision", limit: ${value}) { nodes { id } } }`),
    );
    post(`changes limit ${value}`, json(`{ changes(limit: ${value}) { id } }`));
  }
  for (const percent of [-5, 100.5, 1e308]) {
    post(
      `minPercent ${percent}`,
      json(`{ ownershipChain(id: "hikvision", minPercent: ${percent}) { paths { effectivePercent } } }`),
    );
  }
  // Document bombs.
  let nested = 'id';
  for (let i = 0; i < 30; i += 1) nested = `owners { entity { ${nested} } }`;
  post('depth bomb', json(`{ entity(id: "hikvision") { ${nested} } }`));
  post(
    'alias bomb',
    json(`{ ${Array.from({ length: 100 }, (_, i) => `a${i}: stats { unsourcedFacts }`).join(' ')} }`),
  );
  post('token bomb', json(`{ ${'stats { unsourcedFacts } '.repeat(2000)} }`));
  post('fragment cycle', json('query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }'));
  post('directive flood', json(`{ stats ${'@include(if: true) '.repeat(500)} { unsourcedFacts } }`));
  post(
    'two operations, no name',
    json('query A { stats { unsourcedFacts } } query B { stats { unsourcedFacts } }'),
  );
  post(
    'unknown operation name',
    json('query A { stats { unsourcedFacts } }', undefined, { operationName: 'Z' }),
  );
  post('unknown field', json('{ nope }'));
  post('syntax error', json('{ stats { '));
  post('introspection', json('{ __schema { types { name fields { name } } } }'));
  post('subscription', json('subscription { stats { unsourcedFacts } }'));
  // Body shapes.
  post('empty body', '');
  post('not JSON', '{not json');
  post('JSON null', 'null');
  post('JSON number', '42');
  post('JSON string', '"{ stats { unsourcedFacts } }"');
  post('query is a number', JSON.stringify({ query: 1 }));
  post('query is null', JSON.stringify({ query: null }));
  post('variables is a string', JSON.stringify({ query: '{ stats { unsourcedFacts } }', variables: 'x' }));
  post('variables is a list', JSON.stringify({ query: '{ stats { unsourcedFacts } }', variables: [1] }));
  post('extensions is a string', JSON.stringify({ query: '{ stats { unsourcedFacts } }', extensions: 'x' }));
  post(
    'operationName is an object',
    JSON.stringify({ query: '{ stats { unsourcedFacts } }', operationName: {} }),
  );
  post(
    'batch of two',
    JSON.stringify([{ query: '{ stats { unsourcedFacts } }' }, { query: '{ stats { unsourcedFacts } }' }]),
  );
  post('batch of 100', JSON.stringify(Array(100).fill({ query: '{ stats { unsourcedFacts } }' })));
  post('empty batch', '[]');
  post('deeply nested JSON', `${'['.repeat(5000)}${']'.repeat(5000)}`);
  post('NUL in query', json('{ stats { unsourced\u0000Facts } }'));
  // Content types.
  const stats = json('{ stats { unsourcedFacts } }');
  for (const type of [
    'text/plain',
    'application/xml',
    'application/graphql',
    'multipart/form-data; boundary=x',
    'application/x-www-form-urlencoded',
    'application/json; charset=latin1',
    '',
  ]) {
    corpus.push({
      label: `content-type ${type || '(none)'}`,
      method: 'POST',
      body: stats,
      headers: type ? { 'content-type': type } : {},
    });
  }
  corpus.push({
    label: 'accept image/png',
    method: 'POST',
    body: stats,
    headers: { 'content-type': 'application/json', accept: 'image/png' },
  });
  corpus.push({ label: 'PUT', method: 'PUT', body: stats, headers: { 'content-type': 'application/json' } });
  // GET parameters.
  const get = (label: string, search: string) =>
    corpus.push({ label, method: 'GET', search, headers: { accept: 'application/json' } });
  const q = encodeURIComponent('{ stats { unsourcedFacts } }');
  get('GET variables=notjson', `?query=${q}&variables=notjson`);
  get('GET extensions={', `?query=${q}&extensions=%7B`);
  get('GET variables=[]', `?query=${q}&variables=%5B%5D`);
  get('GET variables=null', `?query=${q}&variables=null`);
  get('GET variables="x"', `?query=${q}&variables=%22x%22`);
  get('GET no query', '?variables=%7B%7D');
  get('GET empty query', '?query=');
  get('GET bad percent-encoding', `?query=${q}&variables=%E0%A4%A`);
  get(
    'GET mutation',
    `?query=${encodeURIComponent('mutation { retractFact(id: "x", reason: "y") { id } }')}`,
  );
  get('GET query twice', `?query=${q}&query=${q}`);
  get(
    'GET huge query',
    `?query=${encodeURIComponent(`{ search(query: "${'z'.repeat(20_000)}") { totalCount } }`)}`,
  );
  get('GET NUL', `?query=${q}%00`);
  get(
    'GET bad date variable',
    `?query=${encodeURIComponent('query($d: Date) { explainRestrictions(id: "hikvision", asOf: $d) { restricted } }')}&variables=${encodeURIComponent('{"d":"2021-02-30"}')}`,
  );
  return corpus;
}

const LEAK = /\bat \S+\.(?:ts|js):\d+|Neo4jError|bolt:\/\/|node_modules/;

/** Sends the corpus, a few at a time, and tells what each request answered. */
export async function runCorpus(baseUrl: string, concurrency = 4): Promise<HostileAnswer[]> {
  const corpus = hostileCorpus();
  const answers: HostileAnswer[] = [];
  let next = 0;
  const worker = async () => {
    while (next < corpus.length) {
      const request = corpus[next++]!;
      const started = Date.now();
      const response = await fetch(`${baseUrl}/graphql${request.search ?? ''}`, {
        method: request.method,
        ...(request.headers ? { headers: request.headers } : {}),
        ...(request.body !== undefined ? { body: request.body } : {}),
        signal: AbortSignal.timeout(120_000),
      });
      const text = await response.text();
      answers.push({
        label: request.label,
        status: response.status,
        internal: text.includes('INTERNAL_SERVER_ERROR') || text.includes('Unexpected error'),
        leak: LEAK.test(text),
        ms: Date.now() - started,
      });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return answers;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const answers = await runCorpus(process.argv[2] ?? 'http://127.0.0.1:4000');
  const bad = answers.filter((answer) => answer.internal || answer.status >= 500 || answer.leak);
  const byStatus: Record<string, number> = {};
  for (const answer of answers) byStatus[answer.status] = (byStatus[answer.status] ?? 0) + 1;
  console.log(
    `${answers.length} hostile requests; ${answers.filter((a) => a.internal).length} INTERNAL_SERVER_ERROR, ` +
      `${answers.filter((a) => a.status >= 500).length} 5xx, ${answers.filter((a) => a.leak).length} leaks; by status: ` +
      Object.entries(byStatus)
        .map(([status, count]) => `${status}: ${count}`)
        .join(', ') +
      `; slowest ${Math.max(...answers.map((a) => a.ms))} ms`,
  );
  for (const answer of bad) console.log(`  ${answer.status} ${answer.label}`);
  process.exitCode = bad.length > 0 ? 1 : 0;
}
