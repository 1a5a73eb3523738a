import { escapeXml } from './svg-charts';

/**
 * HTML for the Markdown subset `renderMarkdown` writes: `#` headings, pipe tables, `- ` lists and
 * paragraphs. Everything is escaped; no inline markup is interpreted.
 */
export function markdownToHtml(markdown: string): string {
  const lines = markdown.split('\n');
  const html: string[] = [];
  let i = 0;
  const cells = (line: string) =>
    line
      .trim()
      .replace(/^\||\|$/g, '')
      .split(/(?<!\\)\|/)
      .map((c) => escapeXml(c.trim().replace(/\\\|/g, '|')));
  while (i < lines.length) {
    const line = lines[i]!;
    const heading = /^(#{1,6}) (.*)$/.exec(line);
    if (heading) {
      html.push(`<h${heading[1]!.length}>${escapeXml(heading[2]!)}</h${heading[1]!.length}>`);
      i++;
    } else if (line.startsWith('|')) {
      const header = cells(line);
      i += 2; // header and separator
      const rows: string[][] = [];
      while (i < lines.length && lines[i]!.startsWith('|')) rows.push(cells(lines[i++]!));
      html.push(`<table><thead><tr>${header.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`);
    } else if (line.startsWith('- ')) {
      const items: string[] = [];
      while (i < lines.length && lines[i]!.startsWith('- ')) items.push(`<li>${escapeXml(lines[i++]!.slice(2))}</li>`);
      html.push(`<ul>${items.join('')}</ul>`);
    } else if (line.trim() === '') {
      i++;
    } else {
      html.push(`<p>${escapeXml(line)}</p>`);
      i++;
    }
  }
  return html.join('\n');
}
