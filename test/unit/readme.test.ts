import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_QUERY } from '../../src/graphql/graphiql.js';
import { README, readmeWithDiagram } from '../../src/model/update-readme.js';

describe('README', () => {
  const readme = fs.readFileSync(README, 'utf8');

  it('shows the model exactly as src/model/model.ts describes it (run `npm run docs` after changing the model)', () => {
    expect(readme).toBe(readmeWithDiagram(readme));
  });

  it('shows the query GraphiQL opens with as its example', () => {
    expect(readme).toContain('```graphql\n' + EXAMPLE_QUERY + '```');
  });

  it('shows the command that installs and runs the service, and the test command', () => {
    expect(readme).toMatch(/npm install && npm start/);
    expect(readme).toMatch(/npm test/);
  });
});
