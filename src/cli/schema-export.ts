/** Writes schema/*.schema.json from the zod schemas (run by `npm run build`). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_DIR } from '../pipeline.js';
import { jsonSchemas } from '../schema/json-schema.js';

const dir = join(PACKAGE_DIR, 'schema');
mkdirSync(dir, { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(join(dir, `${name}.schema.json`), `${JSON.stringify(schema, null, 2)}\n`);
}
