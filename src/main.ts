import { runService } from './server/run-service.js';

await runService();
