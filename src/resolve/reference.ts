/**
 * References to data: a key, one point or cell of it, or an aggregate over it.
 *
 *   trade.goods_2024                         an entry
 *   structure.shares["Tertiary industry"]    a point of a series, by label
 *   trade.monthly[-1]                        a point by position (0 first, -1 last)
 *   trade.flows["2024", "Exports"]           a point of one dataset of a multi-dataset series
 *   invest.summary["Actual use", "Figure"]   a table cell: row by first-column label, column by name
 *   invest.summary[*, "Figure"]              one column of a table (or dataset of a series) as a series
 *   sum(x) max(x) min(x) last(x)             a series reduced to one value
 *   change(a, b) growth(a, b)                b − a, and b against a in per cent; a and b are references
 *
 * Offsets are relative to the start of the reference text, so that errors point into it.
 */

export const AGGREGATES = ['sum', 'max', 'min', 'last', 'change', 'growth'] as const;
export type AggregateName = (typeof AGGREGATES)[number];

export interface Located {
  start: number;
  end: number;
}

/** One selector inside `[...]`: a quoted label, a bare integer position, or `*` (every row). */
export type Selector =
  | (Located & { kind: 'label'; value: string })
  | (Located & { kind: 'index'; value: number })
  | (Located & { kind: 'all' });

export type Reference =
  | (Located & { kind: 'key'; key: string; keyEnd: number; selectors: Selector[] })
  | (Located & { kind: 'call'; fn: AggregateName; nameEnd: number; args: Reference[] });

export interface ReferenceError {
  error: string;
  offset: number;
  length: number;
}

const NAME = /[A-Za-z_][\w-]*/y;
const KEY = /[A-Za-z_][\w-]*(?:\.[\w-]+)*/y;
const INTEGER = /[+-]?\d+/y;

export function isAggregate(name: string): name is AggregateName {
  return (AGGREGATES as readonly string[]).includes(name);
}

/** Parses a whole reference; trailing text is an error. */
export function parseReference(text: string): Reference | ReferenceError {
  const p = new Parser(text);
  try {
    const ref = p.reference();
    p.space();
    if (p.i < text.length) p.fail(`unexpected \`${text.slice(p.i)}\` after the reference`, text.length - p.i);
    return ref;
  } catch (e) {
    if (e instanceof ParseFailure) return { error: e.message, offset: e.offset, length: e.length };
    throw e;
  }
}

/** Parses the comma-separated selectors of a filter argument, as in `change(0, -1)` or `growth("2023", "2024")`. */
export function parseSelectors(text: string): Selector[] | ReferenceError {
  const p = new Parser(text);
  try {
    const out: Selector[] = [];
    p.space();
    if (p.i >= text.length) return out;
    for (;;) {
      out.push(p.selector());
      p.space();
      if (p.i >= text.length) return out;
      p.expect(',');
    }
  } catch (e) {
    if (e instanceof ParseFailure) return { error: e.message, offset: e.offset, length: e.length };
    throw e;
  }
}

class ParseFailure extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly length: number,
  ) {
    super(message);
  }
}

class Parser {
  i = 0;
  constructor(private readonly text: string) {}

  fail(message: string, length = 1): never {
    throw new ParseFailure(message, this.i, Math.max(1, length));
  }

  space(): void {
    while (this.i < this.text.length && /\s/.test(this.text[this.i]!)) this.i++;
  }

  expect(ch: string): void {
    this.space();
    if (this.text[this.i] !== ch) {
      const found = this.text[this.i];
      this.fail(found === undefined ? `\`${ch}\` is missing at the end` : `expected \`${ch}\`, found \`${found}\``);
    }
    this.i++;
  }

  private match(re: RegExp): string | undefined {
    re.lastIndex = this.i;
    const m = re.exec(this.text);
    if (!m) return undefined;
    this.i += m[0].length;
    return m[0];
  }

  reference(): Reference {
    this.space();
    const start = this.i;
    NAME.lastIndex = start;
    const name = NAME.exec(this.text)?.[0];
    if (name !== undefined && this.text[start + name.length] === '(') {
      if (!isAggregate(name)) {
        throw new ParseFailure(
          `unknown function \`${name}\`; functions are ${AGGREGATES.join(', ')}`,
          start,
          name.length,
        );
      }
      this.i = start + name.length + 1;
      const args: Reference[] = [];
      this.space();
      if (this.text[this.i] !== ')') {
        for (;;) {
          args.push(this.reference());
          this.space();
          if (this.text[this.i] === ',') {
            this.i++;
            continue;
          }
          break;
        }
      }
      this.expect(')');
      const want = name === 'change' || name === 'growth' ? 2 : 1;
      if (args.length !== want) {
        throw new ParseFailure(
          `\`${name}\` takes ${want === 2 ? 'two references, as in `' + name + '(a, b)`' : 'one series, as in `' + name + '(trade.monthly)`'}`,
          start,
          this.i - start,
        );
      }
      return { kind: 'call', fn: name, nameEnd: start + name.length, args, start, end: this.i };
    }
    const key = this.match(KEY);
    if (key === undefined) this.fail('expected a data key such as `trade.goods_2024`');
    const keyEnd = this.i;
    const selectors: Selector[] = [];
    this.space();
    if (this.text[this.i] === '[') {
      this.i++;
      for (;;) {
        selectors.push(this.selector());
        this.space();
        if (this.text[this.i] === ',' && selectors.length < 2) {
          this.i++;
          continue;
        }
        break;
      }
      this.expect(']');
    } else this.i = keyEnd;
    return { kind: 'key', key, keyEnd, selectors, start, end: this.i };
  }

  selector(): Selector {
    this.space();
    const start = this.i;
    const ch = this.text[this.i];
    if (ch === '"' || ch === "'") {
      let value = '';
      this.i++;
      while (this.i < this.text.length && this.text[this.i] !== ch) {
        // \" and \\ inside a label; anything else is taken as written.
        if (this.text[this.i] === '\\' && (this.text[this.i + 1] === ch || this.text[this.i + 1] === '\\')) this.i++;
        value += this.text[this.i++];
      }
      if (this.i >= this.text.length) {
        throw new ParseFailure(`the label starting here is not closed with ${ch}`, start, 1);
      }
      this.i++;
      return { kind: 'label', value, start, end: this.i };
    }
    if (ch === '*') {
      this.i++;
      return { kind: 'all', start, end: this.i };
    }
    const n = this.match(INTEGER);
    if (n !== undefined) return { kind: 'index', value: Number(n), start, end: this.i };
    const bare = /[^,\])]*/y;
    bare.lastIndex = this.i;
    const word = bare.exec(this.text)![0].trim();
    throw new ParseFailure(
      word
        ? `a label in [ ] is quoted: write ["${word}"]; a bare number is a position (0 first, -1 last)`
        : 'expected a quoted label or a position',
      start,
      Math.max(1, word.length),
    );
  }
}

/** The reference text as a user would write it again (for messages). */
export function referenceText(text: string, ref: Located): string {
  return text.slice(ref.start, ref.end);
}
