/**
 * Hands out document ids derived from titles. Several paragraphs can share a title (MuSiQue has
 * many paragraphs of "Child labour"); the first keeps the bare title, later ones get `#2`, `#3`...
 * so ids stay readable and stable for a given file.
 */
export function createIdAllocator(): (title: string) => string {
  const used = new Set<string>();
  const nextSuffix = new Map<string, number>();
  return (title) => {
    let id = title;
    let suffix = nextSuffix.get(title) ?? 2;
    while (used.has(id)) id = `${title}#${suffix++}`;
    nextSuffix.set(title, suffix);
    used.add(id);
    return id;
  };
}
