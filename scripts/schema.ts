// npm run schema: writes schemas/review-obs.schema.json from the core's schema (a test fails when it is stale).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configSchema } from '../src/core/config/schema';

writeFileSync(join(__dirname, '..', 'schemas', 'review-obs.schema.json'), `${JSON.stringify(configSchema(), null, 2)}\n`);
