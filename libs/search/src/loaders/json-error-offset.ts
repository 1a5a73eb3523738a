/**
 * Offset of the first syntax error in `text`, or undefined if it is valid JSON. V8's own
 * messages give a position for some errors but not for "Unexpected token", so malformed input
 * is re-scanned with this small validator to point at the exact line and column. Only called
 * after `JSON.parse` has failed, so it favours brevity over speed.
 */
export function findJsonErrorOffset(text: string): number | undefined {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const skipSpace = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const expect = (literal: string) => {
    for (const ch of literal) {
      if (text[i] !== ch) fail();
      i++;
    }
  };
  const string = () => {
    expect('"');
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail();
      }
      i++;
    }
    expect('"');
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match) fail();
    i += (match as RegExpExecArray)[0].length;
  };
  const sequence = (open: string, close: string, item: () => void) => {
    expect(open);
    skipSpace();
    if (text[i] === close) return void i++;
    for (;;) {
      item();
      skipSpace();
      if (text[i] === close) return void i++;
      expect(',');
    }
  };
  const value = (): void => {
    skipSpace();
    const ch = text[i];
    if (ch === '{') {
      sequence('{', '}', () => {
        skipSpace();
        string();
        skipSpace();
        expect(':');
        value();
      });
    } else if (ch === '[') sequence('[', ']', value);
    else if (ch === '"') string();
    else if (ch === 't') expect('true');
    else if (ch === 'f') expect('false');
    else if (ch === 'n') expect('null');
    else number();
    skipSpace();
  };
  try {
    value();
    if (i < text.length) fail();
    return undefined;
  } catch (offset) {
    if (typeof offset === 'number') return Math.min(offset, text.length);
    throw offset;
  }
}
