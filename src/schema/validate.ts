import type { z } from 'zod';
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import { closest, didYouMean, listOf } from '../diagnostics/hints.js';
import type { Locator, Path } from './locator.js';
import { DATA_KEY_MESSAGE, DATA_KEY_PATTERN } from './outline.js';
import { COLOUR_MESSAGE } from './theme.js';

type Issue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

/**
 * Validates a plain value against a schema and reports every problem at the YAML node it
 * concerns. Returns the parsed value, or undefined when there were errors.
 */
export function validateAgainst<T>(
  schema: z.ZodType<T>,
  value: unknown,
  locate: Locator,
  diagnostics: Diagnostics,
  basePath: Path = [],
): T | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of withoutEchoes(result.error.issues, schema, value)) {
    reportIssue(issue, schema, value, locate, diagnostics, basePath);
  }
  return undefined;
}

/**
 * A misspelt required field shows up twice: as an unknown field and as a missing one. The
 * unknown field, with its "did you mean", says it all; drop the missing-field echo.
 */
function withoutEchoes(issues: readonly Issue[], schema: AnySchema, value: unknown): Issue[] {
  const meant = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const known = knownKeysAt(schema, value, issue.path as Path);
    for (const key of issue.keys) {
      const match = closest(key, known);
      if (match) meant.add(JSON.stringify([...issue.path, match]));
    }
  }
  return issues.filter(
    (i) =>
      !(i.code === 'invalid_type' && meant.has(JSON.stringify(i.path)) && valueAt(value, i.path as Path) === undefined),
  );
}

function reportIssue(
  issue: Issue,
  root: AnySchema,
  rootValue: unknown,
  locate: Locator,
  diagnostics: Diagnostics,
  basePath: Path,
): void {
  const localPath = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const path = [...basePath, ...localPath];
  const here = valueAt(rootValue, localPath);
  const name = fieldName(path);
  if (typeof here === 'number' && !Number.isFinite(here)) {
    diagnostics.error(
      'not-finite',
      `${name || 'this value'} is ${here > 0 ? 'infinite' : here < 0 ? 'minus infinity' : 'not a number (NaN)'}`,
      locate.at(path),
      'write a finite number, or leave the entry out',
    );
    return;
  }
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeysAt(root, rootValue, localPath);
      for (const key of issue.keys) {
        diagnostics.error(
          'unknown-field',
          `unknown field \`${key}\`${containerName(path)}`,
          locate.at([...path, key], 'key'),
          didYouMean(key, known) ?? (known.length ? `fields allowed here: ${listOf(known, 12)}` : undefined),
        );
      }
      return;
    }
    case 'invalid_type': {
      if (here === undefined) {
        diagnostics.error(
          'missing-field',
          `missing required field \`${String(path[path.length - 1])}\``,
          locate.at(path),
        );
      } else if (here === null && locate.commentedValue(path)) {
        diagnostics.error(
          'wrong-type',
          `${name || 'this value'} is empty: the # and what follows it were read as a comment`,
          locate.at(path, 'key'),
          'put the value in quotes, e.g. "#1F3864"',
        );
      } else {
        diagnostics.error(
          'wrong-type',
          `${name || 'this value'} should be ${article(issue.expected)}, not ${describe(here)}`,
          locate.at(path),
          typeHint(issue.expected, here),
        );
      }
      return;
    }
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const isChartType = path.length >= 2 && path[path.length - 2] === 'chart' && path[path.length - 1] === 'type';
      diagnostics.error(
        isChartType ? 'unknown-chart-type' : 'invalid-value',
        isChartType
          ? `unknown chart type \`${String(here)}\``
          : `${name} is \`${String(here)}\`; it should be ${listOf(allowed)}`,
        locate.at(path),
        (typeof here === 'string' ? didYouMean(here, allowed) : undefined) ??
          (isChartType ? `chart types: ${listOf(allowed, 12)}` : undefined),
      );
      return;
    }
    case 'invalid_union': {
      const noMatch = issue as { note?: string; options?: unknown[] };
      if (noMatch.note === 'No matching discriminator') {
        const options = (noMatch.options ?? []).map(String);
        if (here === undefined) {
          diagnostics.error(
            'missing-field',
            'this slide has no `type`',
            locate.at(path.slice(0, -1)),
            `add \`type:\` with one of ${listOf(options)}`,
          );
        } else {
          diagnostics.error(
            'unknown-slide-type',
            `unknown slide type \`${String(here)}\``,
            locate.at(path),
            didYouMean(String(here), options) ?? `slide types: ${listOf(options)}`,
          );
        }
        return;
      }
      // `- Trade innovation: goods trade …` reads as a one-field map: the text needs quotes.
      const branches = 'errors' in issue ? issue.errors : [];
      const acceptsText = branches.some(
        (b) =>
          b.length === 1 && b[0]!.path.length === 0 && b[0]!.code === 'invalid_type' && b[0]!.expected === 'string',
      );
      if (
        acceptsText &&
        path[path.length - 1] !== 'source' &&
        isOneFieldMap(here) &&
        !knownKeysAt(root, rootValue, localPath).includes(Object.keys(here as object)[0]!)
      ) {
        const [field] = Object.keys(here as object);
        diagnostics.error(
          'wrong-type',
          `this text reads as a field named \`${field}\` because it contains ": "`,
          locate.at(path),
          'put the whole text in quotes: "…"',
        );
        return;
      }
      // Report the branch that matches the kind of value the user wrote (a map → the map branch).
      const branch = pickBranch('errors' in issue ? issue.errors : []);
      if (branch) {
        for (const inner of branch) {
          // The branch's paths are relative to the union; re-anchor them.
          reportIssue(
            { ...inner, path: [...localPath, ...inner.path] } as Issue,
            root,
            rootValue,
            locate,
            diagnostics,
            basePath,
          );
        }
        return;
      }
      // Every branch wants another kind of value: say which kinds would do.
      const kinds = branches.flatMap((b) =>
        b.length === 1 && b[0]!.path.length === 0 && b[0]!.code === 'invalid_type' ? [article(b[0]!.expected)] : [],
      );
      const wanted = [...new Set(kinds)];
      diagnostics.error(
        'wrong-type',
        kinds.length === branches.length && wanted.length
          ? `${name || 'this value'} should be ${wanted.join(' or ')}, not ${describe(here)}`
          : `${name || 'this value'} has the wrong form (${describe(here)})`,
        locate.at(path),
        path[path.length - 1] === 'source'
          ? 'write a source id from `sources:`, or a list of them: `[a, b]`'
          : undefined,
      );
      return;
    }
    case 'too_small':
    case 'too_big': {
      const bound = 'minimum' in issue ? issue.minimum : issue.maximum;
      const isList = issue.origin === 'array';
      const words = issue.code === 'too_small' ? 'at least' : 'at most';
      diagnostics.error(
        'invalid-value',
        isList
          ? `${name} needs ${words} ${String(bound)} item${Number(bound) === 1 ? '' : 's'} (has ${Array.isArray(here) ? here.length : 0})`
          : `${name} is ${String(here)}; it must be ${words} ${String(bound)}`,
        // Too many items: point at the first one over the limit.
        isList && issue.code === 'too_big' ? locate.at([...path, Number(bound)]) : locate.at(path),
        isList && issue.code === 'too_big' ? 'move the rest to another slide' : undefined,
      );
      return;
    }
    case 'invalid_format':
      if (issue.message === COLOUR_MESSAGE) {
        diagnostics.error(
          'bad-colour',
          `${name} is \`${String(here)}\`, which is not a colour`,
          locate.at(path),
          'write colours as six hex digits, e.g. "#1F3864" (quoted, because # starts a comment)',
        );
        return;
      }
      if (issue.message === DATA_KEY_MESSAGE && typeof here === 'string') {
        const inner = /^\s*\{\{\s*([^|}]+?)\s*(\|[^}]*)?\}\}\s*$/.exec(here)?.[1];
        const hint =
          inner && DATA_KEY_PATTERN.test(inner)
            ? `did you mean \`${inner}\`? Here a data key is written without {{ }}`
            : undefined;
        diagnostics.error(
          'invalid-value',
          `${name} is \`${here}\`, which is not a data key: ${issue.message}`,
          locate.at(path),
          hint,
        );
        return;
      }
      diagnostics.error('invalid-value', `${name || 'this value'}: ${issue.message}`, locate.at(path));
      return;
    case 'custom': {
      const expected = (issue as { params?: { expected?: unknown } }).params?.expected;
      diagnostics.error(
        'invalid-value',
        `${name || 'this value'}: ${issue.message}`,
        locate.at(path),
        Array.isArray(expected) ? { expected: expected.map(String) } : undefined,
      );
      return;
    }
    default:
      diagnostics.error('invalid-value', `${name || 'this value'}: ${issue.message}`, locate.at(path));
  }
}

/** Of a union's failed branches, the one whose expected kind matches the value written. */
function pickBranch(branches: Issue[][]): Issue[] | undefined {
  const scored = branches.map((errors) => {
    const wrongKindAtRoot = errors.some((e) => e.path.length === 0 && e.code === 'invalid_type');
    return { errors, score: wrongKindAtRoot ? 1000 : errors.length };
  });
  scored.sort((a, b) => a.score - b.score);
  const best = scored[0];
  if (!best || best.score >= 1000) return undefined;
  return best.errors;
}

function valueAt(value: unknown, path: Path): unknown {
  let v = value;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[p as string];
  }
  return v;
}

/** The schema that applies at `path`, following the value to choose union branches. */
export function schemaAt(schema: AnySchema, value: unknown, path: Path): AnySchema | undefined {
  let s: AnySchema | undefined = schema;
  let v = value;
  for (const segment of path) {
    s = unwrap(s, v);
    if (!s) return undefined;
    const def = s._zod.def as unknown as Record<string, unknown>;
    if (def.type === 'object') {
      const shape = def.shape as Record<string, AnySchema>;
      s = shape[segment as string] ?? (def.catchall as AnySchema | undefined);
    } else if (def.type === 'array') {
      s = def.element as AnySchema;
    } else if (def.type === 'record') {
      s = def.valueType as AnySchema;
    } else {
      return undefined;
    }
    v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[segment as string] : undefined;
  }
  return unwrap(s, v);
}

function unwrap(schema: AnySchema | undefined, value: unknown): AnySchema | undefined {
  let s = schema;
  for (let guard = 0; s && guard < 20; guard++) {
    const def = s._zod.def as unknown as Record<string, unknown>;
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'readonly') {
      s = def.innerType as AnySchema;
    } else if (def.type === 'lazy') {
      s = (def.getter as () => AnySchema)();
    } else if (def.type === 'union') {
      const options = def.options as AnySchema[];
      const discriminator = def.discriminator as string | undefined;
      const objects = options.filter((o) => (o._zod.def as unknown as Record<string, unknown>).type === 'object');
      if (discriminator && value && typeof value === 'object') {
        const wanted = (value as Record<string, unknown>)[discriminator];
        const match = objects.find((o) => {
          const shape = (o._zod.def as unknown as { shape: Record<string, AnySchema> }).shape;
          const lit = shape[discriminator]?._zod.def as unknown as { values?: unknown[] } | undefined;
          return lit?.values?.includes(wanted);
        });
        return match;
      }
      if (value !== null && typeof value === 'object' && !Array.isArray(value))
        return objects[0] ?? options.find((o) => (o._zod.def as unknown as Record<string, unknown>).type === 'record');
      if (Array.isArray(value))
        return options.find((o) => (o._zod.def as unknown as Record<string, unknown>).type === 'array');
      return undefined;
    } else {
      return s;
    }
  }
  return s;
}

/** The field names an object schema accepts at `path` (for "did you mean"). */
export function knownKeysAt(schema: AnySchema, value: unknown, path: Path): string[] {
  const s = schemaAt(schema, value, path);
  const def = s?._zod.def as unknown as Record<string, unknown> | undefined;
  if (def?.type !== 'object') return [];
  return Object.keys(def.shape as object);
}

const SINGULAR: Record<string, string> = {
  slides: 'slide',
  sections: 'section',
  stats: 'stat',
  bullets: 'bullet',
  rows: 'row',
  datasets: 'dataset',
  sources: 'source',
};

/** " in this slide", " in `chart`", or "" at the top level: where an unknown field sits. */
function containerName(path: Path): string {
  const last = path[path.length - 1];
  if (last === undefined) return '';
  if (typeof last === 'number') return ` in this ${SINGULAR[String(path[path.length - 2])] ?? 'item'}`;
  return ` in \`${last}\``;
}

function fieldName(path: Path): string {
  const last = [...path].reverse().find((p) => typeof p === 'string');
  return last === undefined ? '' : `\`${last}\``;
}

function isOneFieldMap(value: unknown): boolean {
  return !!value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 1;
}

function typeHint(expected: string, here: unknown): string | undefined {
  if (expected === 'string' && isOneFieldMap(here)) return 'put the text in quotes if it contains ": "';
  if (expected === 'string' && (Array.isArray(here) || typeof here === 'object'))
    return 'put the text in quotes if it starts with "{" or "["';
  if (expected === 'array' && typeof here === 'string')
    return 'write a list: each item on its own line, starting with "- "';
  if (expected === 'record' && Array.isArray(here))
    return 'write a map of `label: number` lines, without "- " in front';
  if (expected === 'object' && Array.isArray(here)) return 'write `field: value` lines here, without "- " in front';
  return undefined;
}

export function describe(value: unknown): string {
  if (value === undefined || value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map of fields';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return Number.isFinite(value) ? 'a number' : 'not a finite number';
  if (typeof value === 'boolean') return 'true/false';
  return typeof value;
}

function article(expected: string): string {
  const words: Record<string, string> = {
    string: 'text',
    number: 'a number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a map of fields',
    record: 'a map of fields',
  };
  return words[expected] ?? expected;
}
