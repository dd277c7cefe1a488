import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
} from 'yaml';
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import { DEFAULT_LIMITS, raiseHint, type Limits } from '../limits.js';
import type { Locator, Path } from '../schema/locator.js';
import { lineStarts, offsetOf, rangeOrigin, type Origin } from './origin.js';

export type { Path };

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

const indentOf = (line: string) => /^[ \t]*/.exec(line)![0].length;
const isBlank = (line: string | undefined) => line === undefined || /^\s*(#.*)?$/.test(line);

/** Parses text; syntax errors become diagnostics. Returns undefined when the file is unusable. */
export function parseYamlSource(
  file: string,
  path: string,
  text: string,
  diagnostics: Diagnostics,
  limits: Readonly<Limits> = DEFAULT_LIMITS,
): YamlSource | undefined {
  const lineCounter = new LineCounter();
  // uniqueKeys is checked by checkTree: the parser's own check compares each key with every
  // earlier one (100,000 keys: minutes).
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, merge: false });
  const source: YamlSource = { file, path, text, doc, lineCounter };
  warnBidiControls(file, text, diagnostics);
  const lines = text.split(/\r?\n/);
  // After the first syntax error the parser has lost the structure: what it reports later
  // in the file is mostly its consequence. Duplicate keys before it are real and all reported.
  let firstSyntax = Infinity;
  for (const e of doc.errors) firstSyntax = Math.min(firstSyntax, e.pos[0]);
  const treeOk = checkTree(source, diagnostics, limits, firstSyntax);
  let starts: number[] | undefined;
  for (const e of doc.errors) {
    const pos = lineCounter.linePos(e.pos[0]);
    if (e.pos[0] !== firstSyntax) continue;
    const raw = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    const d = explainYamlError(e.code, raw, pos, lines);
    starts ??= lineStarts(text);
    const start = offsetOf(starts, d.at.line, d.at.column);
    const at = rangeOrigin(file, start, start + (d.length ?? Math.max(1, e.pos[1] - e.pos[0])));
    const related = d.firstLine
      ? [
          {
            at: rangeOrigin(file, offsetOf(starts, d.firstLine, 1), offsetOf(starts, d.firstLine, 1) + 1),
            message: 'first here',
          },
        ]
      : undefined;
    diagnostics.error(YAML_ERROR_CODES[e.code] ?? 'yaml-syntax', d.message, at, {
      ...(d.hint ? { hint: d.hint } : {}),
      ...(related ? { related } : {}),
    });
  }
  return doc.errors.length || !treeOk ? undefined : source;
}

/** The tags of YAML's core schema: plain data. Anything else (!!js/function, !!binary, !custom) is refused. */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * Invisible characters that reorder how text is shown: a title can read differently in the deck
 * than in the file. Warned about, a few per file, where they are.
 */
export function warnBidiControls(file: string, text: string, diagnostics: Diagnostics): void {
  let shown = 0;
  for (const m of text.matchAll(BIDI_CONTROLS)) {
    if (shown++ === 5) break;
    diagnostics.warn(
      'bidi-control',
      `an invisible bidirectional control character (U+${m[0].charCodeAt(0).toString(16).toUpperCase()}) can make this text display in a different order than it is written`,
      rangeOrigin(file, m.index, m.index + 1),
      'delete it unless the text needs it (right-to-left quotations)',
    );
  }
}

/**
 * One pass over the parsed tree, linear in its size: duplicate keys, tags outside the core
 * schema, nesting deeper than the limit, and aliases whose expansion would exceed the limit
 * (counted by expanded size, so ordinary reuse of a block passes and a "billion laughs" does not).
 * Reports what it finds; false when the file must not be used.
 */
function checkTree(
  source: YamlSource,
  diagnostics: Diagnostics,
  limits: Readonly<Limits>,
  firstSyntax: number,
): boolean {
  const { file, text } = source;
  let ok = true;
  let depthReported = false;
  const sizes = new Map<Node, number>();
  let written = 0;
  const clean = source.doc.errors.length === 0;
  const visit = (node: unknown, depth: number): number => {
    if (isAlias(node)) {
      const target = node.resolve(source.doc);
      return target ? (sizes.get(target as Node) ?? 1) : 1;
    }
    if (!node || typeof node !== 'object') return 0;
    const n = node as Node;
    let size = 1;
    written++;
    if (clean && n.tag && !CORE_TAGS.has(n.tag)) {
      ok = false;
      const end = n.range?.[0] ?? 0;
      let start = text.lastIndexOf('!', end);
      while (start > 0 && text[start - 1] === '!') start--;
      const tagEnd = start < 0 ? end : start + (/^\S+/.exec(text.slice(start))?.[0].length ?? 1);
      diagnostics.error(
        'yaml-tag',
        `the tag ${start < 0 ? n.tag : text.slice(start, tagEnd)} is not allowed: outlines, data and themes are plain data`,
        rangeOrigin(file, start < 0 ? end : start, tagEnd),
        'remove the tag; write the value as plain text, a number, a list or a map',
      );
    }
    if (depth > limits.maxYamlDepth) {
      if (!depthReported && clean) {
        depthReported = true;
        ok = false;
        diagnostics.error(
          'input-too-large',
          `maps and lists are nested more than ${limits.maxYamlDepth} deep here`,
          rangeOrigin(file, n.range?.[0] ?? 0, (n.range?.[0] ?? 0) + 1),
          raiseHint('maxYamlDepth', limits),
        );
      }
      return 1;
    }
    if (isMap(n)) {
      const seen = new Map<string, Pair>();
      for (const pair of n.items) {
        const key = pair.key;
        if (isScalar(key) && key.range) {
          const id = `${typeof key.value}:${String(key.value)}`;
          const first = seen.get(id);
          if (!first) seen.set(id, pair);
          else if (key.range[0] < firstSyntax) {
            ok = false;
            reportDuplicate(source, diagnostics, key as Node, first.key as Node);
          }
        }
        size += visit(key, depth + 1) + visit(pair.value, depth + 1);
      }
    } else if (isSeq(n)) {
      for (const item of n.items) size += visit(item, depth + 1);
    }
    sizes.set(n, size);
    return size;
  };
  const total = visit(source.doc.contents, 0);
  // What aliases add beyond what is written: a long file is not an alias bomb.
  if (clean && total - written > limits.maxAliasExpansion) {
    ok = false;
    diagnostics.error(
      'yaml-syntax',
      `the file repeats aliases (*name) so that it expands to ${total.toLocaleString('en')} values, too many to be expanded safely`,
      rangeOrigin(file, 0, 1),
      `write the repeated parts out, or use fewer nested aliases; ${raiseHint('maxAliasExpansion', limits)}`,
    );
  }
  return ok;
}

function reportDuplicate(source: YamlSource, diagnostics: Diagnostics, key: Node, first: Node): void {
  const name = String((key as { value?: unknown }).value);
  const [start, end] = key.range!;
  diagnostics.error(
    'yaml-duplicate-key',
    `\`${name}\` appears twice in the same map`,
    rangeOrigin(source.file, start, end),
    {
      hint: 'remove one of them, or rename it',
      related: [{ at: rangeOrigin(source.file, first.range![0], first.range![1]), message: 'first here' }],
    },
  );
}

interface Explained {
  message: string;
  /** For a duplicate key: the line where it first appears. */
  firstLine?: number;
  at: { line: number; column: number };
  length?: number;
  hint?: string;
}

/** Turns the parser's message into one that says where the mistake is and how to fix it. */
function explainYamlError(
  code: string,
  message: string,
  pos: { line: number; col: number },
  lines: string[],
): Explained {
  const line = lines[pos.line - 1] ?? '';
  const firstChar = indentOf(line) + 1;
  if (code === 'TAB_AS_INDENT' || /tab/i.test(message)) {
    return {
      message: 'a tab is used to indent this line',
      at: { line: pos.line, column: 1 },
      length: firstChar - 1,
      hint: 'YAML indents with spaces, not tabs: replace the tab with spaces',
    };
  }
  if (code === 'DUPLICATE_KEY') {
    const key =
      /^\s*(?:-\s+)?["']?([^:"']+)["']?\s*:/.exec(line.slice(pos.col - 1))?.[1]?.trim() ??
      /^\s*["']?([^:"']+)/.exec(line)?.[1]?.trim() ??
      '';
    const indent = indentOf(line);
    let first: number | undefined;
    for (let i = pos.line - 2; i >= 0; i--) {
      const l = lines[i]!;
      if (!isBlank(l) && indentOf(l) < indent) break;
      if (new RegExp(`^\\s*(?:-\\s+)?["']?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*:`).test(l))
        first = i + 1;
    }
    return {
      message: `\`${key}\` appears twice in the same map`,
      ...(first ? { firstLine: first } : {}),
      at: { line: pos.line, column: pos.col },
      length: key.length || 1,
      hint: 'remove one of them, or rename it',
    };
  }
  const quote = /Missing closing (["'])quote/.exec(message)?.[1];
  if (quote) {
    // The parser notices at the end of the file; the mistake is where the quote opened.
    for (let i = Math.min(pos.line, lines.length) - 1; i >= 0; i--) {
      const l = lines[i]!.replace(/\\./g, '__');
      const count = l.split(quote).length - 1;
      if (count % 2 === 1) {
        return {
          message: `a ${quote === '"' ? 'double' : 'single'}-quoted text is not closed`,
          at: { line: i + 1, column: l.lastIndexOf(quote) + 1 },
          hint: `add the closing ${quote} at the end of the text`,
        };
      }
    }
  }
  // A line indented differently from the lines around it: the parser's message names a symptom.
  if (pos.col === 1 && firstChar > 1) {
    const above = [...lines.slice(0, pos.line - 1)].reverse().find((l) => !isBlank(l));
    const below = lines.slice(pos.line).find((l) => !isBlank(l));
    const here = indentOf(line);
    if (above !== undefined && indentOf(above) !== here && (below === undefined || indentOf(below) !== here)) {
      return {
        message: `this line is indented ${here} spaces, which matches no line around it (${message})`,
        at: { line: pos.line, column: firstChar },
        length: line.trim().length,
        hint: `check the indentation: fields of one item start in the same column (the line above starts at column ${indentOf(above) + 1})`,
      };
    }
    return { message, at: { line: pos.line, column: firstChar }, hint: 'check the indentation' };
  }
  if (
    /Implicit map keys need to be followed by map values|Nested mappings are not allowed|Implicit keys need to be on a single line/.test(
      message,
    )
  ) {
    return {
      message,
      at: { line: pos.line, column: pos.col },
      hint: 'check the indentation, and put text that contains ": " in quotes',
    };
  }
  return { message, at: { line: pos.line, column: pos.col } };
}

/**
 * The document as plain values. Aliases are capped so that a hostile file cannot expand
 * into gigabytes; a file past the cap is reported, and undefined returned.
 */
export function toPlain(source: YamlSource, diagnostics: Diagnostics): { value: unknown } | undefined {
  try {
    // Expansion was bounded by checkTree, by expanded size; the parser's own count refuses ordinary reuse.
    return { value: source.doc.toJS({ maxAliasCount: -1 }) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    diagnostics.error(
      'yaml-syntax',
      /alias/i.test(message)
        ? 'the file repeats aliases (*name) too many times to be expanded safely'
        : `the file cannot be read as data: ${message}`,
      rangeOrigin(source.file, 0, 1),
      /alias/i.test(message) ? 'write the repeated parts out, or use fewer nested aliases' : undefined,
    );
    return undefined;
  }
}

function rangeAt(source: YamlSource, range: readonly [number, number, number] | null | undefined): Origin {
  return range ? rangeOrigin(source.file, range[0], range[1]) : rangeOrigin(source.file, 0, 0);
}

/** The text of the line that holds `offset`: for messages that look at what was written around a value. */
export function lineTextAt(source: YamlSource, offset: number): string {
  const start = source.text.lastIndexOf('\n', offset - 1) + 1;
  const end = source.text.indexOf('\n', offset);
  return source.text.slice(start, end < 0 ? undefined : end).replace(/\r$/, '');
}

const keyIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();

/** A map's pairs by key, built once per map: looking keys up one by one made big files quadratic. */
function keyIndex(map: YAMLMap): Map<string, Pair> {
  let index = keyIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items) {
      if (isPair(p) && isScalar(p.key) && !index.has(String(p.key.value))) index.set(String(p.key.value), p as Pair);
    }
    keyIndexes.set(map, index);
  }
  return index;
}

/** The node at `path` and how far down the path it got (a missing key stops at its parent). */
function walk(source: YamlSource, path: Path): { node: Node | null; keyNode: Node | null; depth: number } {
  let node = source.doc.contents as Node | null;
  let keyNode: Node | null = null;
  let depth = 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = keyIndex(node).get(String(segment));
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
export function originAt(source: YamlSource, path: Path, which: 'value' | 'key' = 'value'): Origin {
  const { node, keyNode, depth } = walk(source, path);
  const found = depth === path.length;
  const target = which === 'key' && found && keyNode ? keyNode : node;
  // A missing field is reported at its parent's key, where the user will add it.
  const pointAt = !found && keyNode ? keyNode : target;
  return rangeAt(source, pointAt?.range);
}

/**
 * Where character `offset` of the string at `path` is. The text at that offset is looked up
 * in the node's source, so escapes (\", ''), and folded or literal block scalars (>, |)
 * still point at the right line and column; the scalar's start if it cannot be found.
 */
export function originInString(source: YamlSource, path: Path, offset: number, length = 1): Origin {
  const { node, depth } = walk(source, path);
  if (depth !== path.length || !isScalar(node) || !node.range || typeof node.value !== 'string')
    return originAt(source, path);
  const value = node.value;
  const needle = value.slice(offset, offset + Math.max(1, length));
  const raw = source.text.slice(node.range[0], node.range[1]);
  // The same text may occur more than once: take the occurrence with the same index.
  let nth = 0;
  for (let i = value.indexOf(needle); i >= 0 && i < offset; i = value.indexOf(needle, i + 1)) nth++;
  let at = -1;
  for (let k = 0, from = 0; k <= nth; k++, from = at + 1) {
    at = raw.indexOf(needle, from);
    if (at < 0) break;
  }
  if (at < 0 || !needle) return rangeAt(source, node.range);
  return rangeOrigin(source.file, node.range[0] + at, node.range[0] + at + length);
}

/** The locator of a parsed file, for the stages that must not know it was YAML. */
export function yamlLocator(source: YamlSource): Locator {
  return {
    at: (path, which = 'value') => originAt(source, path, which),
    inString: (path, offset, length) => originInString(source, path, offset, length),
    keysInOrder(path) {
      const node = source.doc.getIn(path, true);
      if (!isMap(node)) return undefined;
      return node.items.map((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)));
    },
    commentedValue(path) {
      const at = originAt(source, path, 'key');
      const offset = at.kind === 'range' ? at.start : 0;
      const line = lineTextAt(source, offset);
      const column = offset - (source.text.lastIndexOf('\n', offset - 1) + 1);
      return /:\s+#/.test(line.slice(column));
    },
  };
}
