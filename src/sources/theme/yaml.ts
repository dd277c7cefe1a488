import { ThemeInput } from '../../schema/theme.js';
import { validateAgainst } from '../../schema/validate.js';
import { readInputText } from '../read.js';
import { parseYamlSource, toPlain, yamlLocator } from '../yaml.js';
import type { ThemeAdapter } from './adapter.js';

/** Theme files written in YAML. */
export const yamlTheme: ThemeAdapter = {
  extensions: ['.yaml', '.yml'],
  async read(path, file, ctx, at) {
    const text = await readInputText(ctx.host, path, 'theme', file, ctx.diagnostics, at);
    if (text === undefined) return undefined;
    ctx.texts.set(file, text);
    const source = parseYamlSource(file, path, text, ctx.diagnostics, ctx.limits);
    if (!source) return undefined;
    const plain = toPlain(source, ctx.diagnostics);
    if (!plain) return undefined;
    const locate = yamlLocator(source);
    const input = validateAgainst(ThemeInput, plain.value ?? {}, locate, ctx.diagnostics);
    return input ? { input, locate } : undefined;
  },
};
