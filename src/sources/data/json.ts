import type { DataAdapter } from './adapter.js';
import { yamlData } from './yaml.js';

/**
 * JSON data files. JSON is YAML's subset, and eemeli/yaml keeps positions for it too, so the
 * same parser serves both: what differs is only the name.
 */
export const jsonData: DataAdapter = {
  extensions: ['.json'],
  read: (file, ctx) => yamlData.read(file, ctx),
};
