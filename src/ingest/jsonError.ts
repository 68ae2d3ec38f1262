/**
 * Where JSON.parse failed. V8 gives "at position N" for some errors and only
 * a quoted snippet for others ("Unexpected token 'x', ... is not valid JSON"),
 * so a small validator finds the offending character when V8 does not say.
 */
export function jsonErrorPosition(s: string, message: string): number {
  const m = /at position (\d+)/.exec(message);
  if (m) return Number(m[1]);
  return locate(s);
}

/** V8's message without the position and the echoed input, which can be huge. */
export function cleanJsonMessage(message: string): string {
  return message
    .replace(/, (?:\.\.\.)?"[\s\S]*"(?:\.\.\.)? is not valid JSON$/, '')
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/ in JSON at position \d+/, '')
    .trim();
}

/** 1-based line of a character offset. */
export function lineAt(s: string, pos: number): number {
  let line = 1;
  const end = Math.min(pos, s.length);
  for (let i = 0; i < end; i++) if (s.charCodeAt(i) === 10) line++;
  return line;
}

function locate(s: string): number {
  let i = 0;
  const ws = () => {
    while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++;
  };
  const literal = (word: string) => {
    if (s.startsWith(word, i)) {
      i += word.length;
      return true;
    }
    return false;
  };
  const string = (): boolean => {
    i++;
    while (i < s.length) {
      const ch = s[i]!;
      if (ch === '"') {
        i++;
        return true;
      }
      if (ch === '\\') {
        const e = s[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) return false;
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return false;
        continue;
      }
      if (ch.charCodeAt(0) < 0x20) return false;
      i++;
    }
    return false;
  };
  const number = (): boolean => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(s.slice(i, i + 400));
    if (!m || m[0] === '-' || m[0].length === 0) return false;
    i += m[0].length;
    return true;
  };
  const value = (depth: number): boolean => {
    if (depth > 5000) return false;
    ws();
    const ch = s[i];
    if (ch === '{') {
      i++;
      ws();
      if (s[i] === '}') {
        i++;
        return true;
      }
      for (;;) {
        ws();
        if (s[i] !== '"' || !string()) return false;
        ws();
        if (s[i] !== ':') return false;
        i++;
        if (!value(depth + 1)) return false;
        ws();
        if (s[i] === ',') {
          i++;
          continue;
        }
        if (s[i] === '}') {
          i++;
          return true;
        }
        return false;
      }
    }
    if (ch === '[') {
      i++;
      ws();
      if (s[i] === ']') {
        i++;
        return true;
      }
      for (;;) {
        if (!value(depth + 1)) return false;
        ws();
        if (s[i] === ',') {
          i++;
          continue;
        }
        if (s[i] === ']') {
          i++;
          return true;
        }
        return false;
      }
    }
    if (ch === '"') return string();
    if (ch === 't') return literal('true');
    if (ch === 'f') return literal('false');
    if (ch === 'n') return literal('null');
    return number();
  };
  if (!value(0)) return Math.min(i, s.length);
  ws();
  return i;
}
