/** Where a JSON text first goes wrong, and why, in words for someone who edits JSON by hand. */
export interface JsonSyntaxProblem {
  /** Offset (UTF-16 code units) of the first character that cannot be right. */
  offset: number;
  line: number;
  column: number;
  reason: string;
  hint: string;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

/**
 * Find the first syntax error of a JSON text that `JSON.parse` rejected. JavaScript engines word (and
 * sometimes omit) the position differently, so the loader locates the error itself. Iterative, so deep
 * nesting cannot overflow the stack. Returns null when the text is valid JSON.
 */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | null {
  // What each open container expects next: a value, a key, a colon, or a comma/close.
  const stack: ('{' | '[')[] = [];
  let expect: 'value' | 'key' | 'colon' | 'after' | 'firstKey' | 'firstValue' | 'end' = 'value';
  let i = 0;
  const at = (offset: number, reason: string, hint: string) => problem(text, offset, reason, hint);
  for (;;) {
    while (i < text.length && WHITESPACE.has(text[i])) i++;
    if (i >= text.length) {
      if (expect === 'end') return null;
      if (stack.length === 0 && expect === 'value' && text.trim() === '') return at(i, 'the file is empty', 'start from scenarios/tiny-court.json');
      return at(i, 'the file ends too early', `close what is still open: ${closers(stack)}`);
    }
    const ch = text[i];
    if (ch === '/' && (text[i + 1] === '/' || text[i + 1] === '*'))
      return at(i, 'JSON does not allow comments', 'remove the comment, or put the note in a "description"');
    if (expect === 'end') return at(i, 'there is more text after the end of the scenario', 'remove it, or check that no } or ] closes too early above');
    if (expect === 'colon') {
      if (ch !== ':') return at(i, `expected a colon ":" after the key, found ${show(ch)}`, 'write "key": value');
      i++;
      expect = 'value';
      continue;
    }
    if (expect === 'after') {
      const open = stack[stack.length - 1];
      const close = open === '{' ? '}' : ']';
      if (ch === ',') {
        i++;
        expect = open === '{' ? 'key' : 'value';
        continue;
      }
      if (ch === close) {
        stack.pop();
        i++;
        expect = stack.length ? 'after' : 'end';
        continue;
      }
      return at(i, `expected a comma "," or "${close}", found ${show(ch)}`, 'a comma is probably missing at the end of the line before');
    }
    if (expect === 'key' || expect === 'firstKey') {
      if (ch === '}' && expect === 'firstKey') {
        stack.pop();
        i++;
        expect = stack.length ? 'after' : 'end';
        continue;
      }
      if (ch === '}') return at(i, 'a comma "," is followed by "}"', 'remove the last comma before the "}"');
      if (ch !== '"')
        return at(i, `expected a key in double quotes, found ${show(ch)}`, ch === "'" ? 'use double quotes " not single quotes' : 'write keys as "key": value');
      const end = scanString(text, i);
      if (typeof end === 'string') return at(i, end, 'check the text in quotes that starts here');
      i = end;
      expect = 'colon';
      continue;
    }
    // A value is expected (after a colon, in a list, or at the top).
    if (ch === ']' && expect === 'firstValue') {
      stack.pop();
      i++;
      expect = stack.length ? 'after' : 'end';
      continue;
    }
    if (ch === ']' || ch === '}') return at(i, `expected a value, found ${show(ch)}`, 'remove the comma before it, or add the missing value');
    if (ch === '{' || ch === '[') {
      stack.push(ch);
      i++;
      expect = ch === '{' ? 'firstKey' : 'firstValue';
      continue;
    }
    if (ch === '"') {
      const end = scanString(text, i);
      if (typeof end === 'string') return at(i, end, 'check the text in quotes that starts here');
      i = end;
    } else if (ch === '-' || (ch >= '0' && ch <= '9')) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (!m) return at(i, 'this is not a valid number', 'write numbers like 12, 0.5 or 1e3');
      i += m[0].length;
      if (/[\d.eE]/.test(text[i] ?? '')) return at(i, 'this is not a valid number', 'write numbers like 12, 0.5 or 1e3, without leading zeros');
    } else {
      const word = /^(true|false|null)/.exec(text.slice(i, i + 5));
      if (!word) {
        const hint = ch === "'" ? 'use double quotes " not single quotes' : 'put text in double quotes, like "open"';
        return at(i, `unexpected ${show(ch)}`, hint);
      }
      i += word[0].length;
    }
    expect = stack.length ? 'after' : 'end';
  }
}

/** Offset just past a string starting at `start`, or the reason it is not a valid string. */
function scanString(text: string, start: number): number | string {
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') return i + 1;
    if (ch === '\n' || ch === '\r') return 'a text in quotes runs past the end of its line';
    if (ch < ' ') return 'a text in quotes holds a control character (a tab?)';
    if (ch === '\\') {
      const next = text[i + 1];
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return 'a \\u escape needs four hex digits';
        i += 5;
      } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i++;
      else return `the backslash escape "\\${next ?? ''}" is not allowed; write "\\\\" for a backslash`;
    }
  }
  return 'a text in quotes is never closed';
}

function closers(stack: readonly string[]): string {
  return stack.length
    ? [...stack]
        .reverse()
        .map((c) => (c === '{' ? '}' : ']'))
        .join(' ')
    : 'the last value';
}

function show(ch: string): string {
  return JSON.stringify(ch);
}

function problem(text: string, offset: number, reason: string, hint: string): JsonSyntaxProblem {
  let line = 1;
  let lineStart = 0;
  for (let k = text.indexOf('\n'); k >= 0 && k < offset; k = text.indexOf('\n', k + 1)) {
    line++;
    lineStart = k + 1;
  }
  return { offset, line, column: offset - lineStart + 1, reason, hint };
}
