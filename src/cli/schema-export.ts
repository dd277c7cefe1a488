/** Writes schema/*.schema.json from the zod schemas (run by `npm run build`). */
import { join } from 'node:path';
import { writeFileAtomic } from '../emit.js';
import { PACKAGE_DIR } from '../options.js';
import { jsonSchemas } from '../schema/json-schema.js';

for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileAtomic(
    join(PACKAGE_DIR, 'schema', `${name}.schema.json`),
    Buffer.from(`${JSON.stringify(schema, null, 2)}\n`),
  );
}
