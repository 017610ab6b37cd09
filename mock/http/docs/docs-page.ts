/**
 * The HTML of `GET /docs`: Redoc reading a spec from the mock, the Customer API's by default and
 * the admin API's and OAuth routes' with `?spec=admin`, with a bar to switch between the two.
 * Every URL is relative, so the page works under any prefix the mock serves it at; nothing in it
 * names another origin.
 */
export type DocsSpec = 'customer' | 'admin';

const SPECS: Record<DocsSpec, { title: string; url: string; link: string }> = {
  customer: { title: 'Connect Customer API', url: 'openapi.json', link: 'docs' },
  admin: { title: 'Admin API and OAuth', url: 'openapi-admin.json', link: 'docs?spec=admin' },
};

export function docsPage(which: DocsSpec = 'customer'): string {
  const nav = (Object.keys(SPECS) as DocsSpec[])
    .map((key) => `<a href="${SPECS[key].link}"${key === which ? ' aria-current="page"' : ''}>${SPECS[key].title}</a>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${SPECS[which].title}: reference (local mock)</title>
<style>body { margin: 0; } nav.specs { display: flex; gap: 1rem; padding: .5rem 1rem; font: 14px system-ui, sans-serif; border-bottom: 1px solid #ddd; } nav.specs a[aria-current] { font-weight: 600; color: inherit; text-decoration: none; }</style>
</head>
<body>
<nav class="specs" aria-label="Specs">
${nav}
</nav>
<redoc spec-url="${SPECS[which].url}"></redoc>
<script src="docs/redoc.standalone.js"></script>
</body>
</html>
`;
}
