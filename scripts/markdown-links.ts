/**
 * The relative links of a Markdown text (`[text](path)`, `![alt](picture.png)`), without their
 * `#anchor`: what must exist beside the file for a reader of the package. Absolute URLs, mail
 * links and in-page anchors are left out; code spans and fenced blocks are not read.
 */
export function relativeLinks(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  const links: string[] = [];
  for (const match of prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
    const target = match[1]!;
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) continue;
    links.push(decodeURIComponent(target.split('#')[0]!));
  }
  return links;
}
