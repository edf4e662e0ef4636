import fs from 'node:fs';
import path from 'node:path';

/**
 * The workspace's real public sample files (../shared/data beside the clone), or undefined in a clone that has
 * none: tests that read them then skip with SKIP_SHARED as the reason, and the import benchmark refuses to run.
 */
export const SHARED_DATA = [
  path.resolve(import.meta.dirname, '../../../shared/data'),
  path.resolve(import.meta.dirname, '../../../../shared/data'),
].find((folder) => fs.existsSync(path.join(folder, 'yente-zala-entities.ftm.jsonl')));
export const SHARED_FTM = SHARED_DATA && path.join(SHARED_DATA, 'yente-zala-entities.ftm.jsonl');
export const SHARED_CSL = SHARED_DATA && path.join(SHARED_DATA, 'csl-watchman-consolidated-sample.csv');
export const SKIP_SHARED = SHARED_DATA
  ? false
  : 'the shared sample folder ../shared/data is absent (a clone outside the workspace)';
export const SHARED_DOD_1260H = SHARED_DATA && path.join(SHARED_DATA, 'os-src-us-dod-1260h-milcorps.csv');
export const SHARED_FCC_COVERED = SHARED_DATA && path.join(SHARED_DATA, 'os-src-us-fcc-covered-list.csv');
