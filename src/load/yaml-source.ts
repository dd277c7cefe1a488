import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Scalar, type Document, type Node } from 'yaml';
import type { Diagnostics, Span } from '../diagnostics/diagnostic.js';

export type Path = readonly (string | number)[];

/** A parsed YAML (or JSON) file that still knows where every node came from. */
export interface YamlSource {
  /** The path users see in messages: relative to the working folder. */
  file: string;
  /** Absolute path on disk. */
  path: string;
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

const YAML_ERROR_CODES: Record<string, 'yaml-duplicate-key' | 'yaml-syntax'> = {
  DUPLICATE_KEY: 'yaml-duplicate-key',
};

/** Parses text; syntax errors become diagnostics. Returns undefined when the file is unusable. */
export function parseYamlSource(
  file: string,
  path: string,
  text: string,
  diagnostics: Diagnostics,
): YamlSource | undefined {
  const lineCounter = new LineCounter();
  // Aliases are capped to keep a hostile file from expanding into gigabytes.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: false });
  const source: YamlSource = { file, path, text, doc, lineCounter };
  for (const e of doc.errors) {
    const pos = lineCounter.linePos(e.pos[0]);
    const message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    diagnostics.error(YAML_ERROR_CODES[e.code] ?? 'yaml-syntax', yamlHint(message), {
      file,
      line: pos.line,
      column: pos.col,
      length: Math.max(1, e.pos[1] - e.pos[0]),
    });
  }
  return doc.errors.length ? undefined : source;
}

function yamlHint(message: string): string {
  if (/Implicit map keys need to be followed by map values/.test(message) || /Nested mappings are not allowed/.test(message)) {
    return `${message} (check the indentation, and put text that contains ": " in quotes)`;
  }
  if (/tab/i.test(message)) return `${message} (YAML indents with spaces, not tabs)`;
  return message;
}

export function toPlain(source: YamlSource): unknown {
  return source.doc.toJS({ maxAliasCount: 100 });
}

function rangeSpan(source: YamlSource, range: readonly [number, number, number] | null | undefined): Span {
  const start = range ? range[0] : 0;
  const end = range ? range[1] : 0;
  const pos = source.lineCounter.linePos(start);
  const endPos = source.lineCounter.linePos(end);
  const length = endPos.line === pos.line ? Math.max(1, endPos.col - pos.col) : 1;
  return { file: source.file, line: pos.line, column: pos.col, length };
}

/** The node at `path` and how far down the path it got (a missing key stops at its parent). */
function walk(source: YamlSource, path: Path): { node: Node | null; keyNode: Node | null; depth: number } {
  let node = source.doc.contents as Node | null;
  let keyNode: Node | null = null;
  let depth = 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      keyNode = pair.key as Node;
      node = (pair.value as Node | null) ?? keyNode;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
      keyNode = null;
      node = node.items[segment] as Node;
    } else {
      break;
    }
    depth++;
  }
  return { node, keyNode, depth };
}

/** Where the value (or, with `key`, the key) at `path` is; its nearest existing parent if absent. */
export function spanAt(source: YamlSource, path: Path, which: 'value' | 'key' = 'value'): Span {
  const { node, keyNode, depth } = walk(source, path);
  const found = depth === path.length;
  const target = which === 'key' && found && keyNode ? keyNode : node;
  // A missing field is reported at its parent's key, where the user will add it.
  const pointAt = !found && keyNode ? keyNode : target;
  return rangeSpan(source, pointAt?.range);
}

/**
 * Where character `offset` of the string at `path` is. Exact for plain and quoted
 * single-line scalars; otherwise the start of the scalar.
 */
export function spanInString(source: YamlSource, path: Path, offset: number, length = 1): Span {
  const { node, depth } = walk(source, path);
  if (depth !== path.length || !isScalar(node) || !node.range) return spanAt(source, path);
  const base = rangeSpan(source, node.range);
  const type = (node as Scalar).type;
  const raw = source.text.slice(node.range[0], node.range[1]);
  if (raw.includes('\n')) return base;
  const shift = type === Scalar.QUOTE_DOUBLE || type === Scalar.QUOTE_SINGLE ? 1 : 0;
  if (type !== Scalar.PLAIN && shift === 0) return base;
  return { ...base, column: base.column + shift + offset, length };
}
