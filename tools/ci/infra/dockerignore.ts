/**
 * The .dockerignore rules as Docker applies them (moby patternmatcher): patterns in order, the
 * last one that matches a path or one of its parent directories decides, `!` re-includes.
 * `*` and `?` stay within one path segment, `**` spans any number of them.
 */
interface Rule {
  readonly negated: boolean;
  readonly regex: RegExp;
}

function toRegex(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '*' && pattern[i + 1] === '*') {
      // `**/` may also match no directory at all.
      if (pattern[i + 2] === '/') {
        out += '(?:.*/)?';
        i += 2;
      } else {
        out += '.*';
        i += 1;
      }
    } else if (ch === '*') out += '[^/]*';
    else if (ch === '?') out += '[^/]';
    else out += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

export function parseDockerignore(text: string): readonly Rule[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const negated = l.startsWith('!');
      const pattern = (negated ? l.slice(1) : l).replace(/^\/+/, '').replace(/\/+$/, '');
      return { negated, regex: toRegex(pattern) };
    });
}

/** True if `path` (relative to the context root, `/`-separated) is left out of the context. */
export function isIgnored(rules: readonly Rule[], path: string): boolean {
  const parts = path.split('/');
  const candidates = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
  let ignored = false;
  for (const rule of rules) {
    if (candidates.some((c) => rule.regex.test(c))) ignored = !rule.negated;
  }
  return ignored;
}
