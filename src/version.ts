import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_DIR } from './options.js';

/**
 * briefdeck's version, from its own package.json: one place, so that `--version`, the manifest
 * (a new version rebuilds every deck) and the report agree. briefdeck's own files, not an input.
 */
export const VERSION: string = (
  JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as { version: string }
).version;
