/**
 * The HTML of `GET /docs`: Redoc reading the spec from the mock. Both URLs are relative, so the
 * page works under any prefix the mock serves it at; nothing in it names another origin.
 */
export function docsPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Connect Customer API: reference (local mock)</title>
<style>body { margin: 0; }</style>
</head>
<body>
<redoc spec-url="openapi.json"></redoc>
<script src="docs/redoc.standalone.js"></script>
</body>
</html>
`;
}
