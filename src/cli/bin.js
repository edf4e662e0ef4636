#!/usr/bin/env node
// Loads the TypeScript CLI through tsx in this same process, so the installed bin needs no build step, starts
// once (no child process), and a supervisor's signal reaches the process doing the work.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('./index.ts');
process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
});
