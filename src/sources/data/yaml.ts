import { createHash } from 'node:crypto';
import { validateDataDocument } from '../../schema/validate-data.js';
import { readInputText, nearMissOf } from '../read.js';
import { parseYamlSource, toPlain, yamlLocator } from '../yaml.js';
import type { DataAdapter } from './adapter.js';
import { withLinks } from './linked.js';

/** YAML data files: groups of values, series and tables, with positions kept for every node. */
export const yamlData: DataAdapter = {
  extensions: ['.yaml', '.yml'],
  async read(file, ctx) {
    const text = await readInputText(
      ctx.host,
      file.path,
      'data',
      file.file,
      ctx.diagnostics,
      file.at,
      nearMissOf(ctx.host, file.given, file.path),
    );
    if (text === undefined) return undefined;
    ctx.texts.set(file.file, text);
    const before = ctx.diagnostics.items.length;
    const key = `data|${file.file}|${file.namespace ?? ''}|${createHash('sha256').update(text).digest('hex')}`;
    const content = ctx.memo(
      key,
      () => {
        const source = parseYamlSource(file.file, file.path, text, ctx.diagnostics);
        const plain = source && toPlain(source, ctx.diagnostics);
        if (!source || !plain) return undefined;
        return validateDataDocument(plain.value, file.file, file.namespace, yamlLocator(source), ctx.diagnostics);
      },
      () => ctx.diagnostics.items.length === before,
    );
    return content && !content.failed ? withLinks(content, file, ctx) : undefined;
  },
};
