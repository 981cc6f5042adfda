import { escapeHtml as e } from "../report/escape-html.js";
import { APP_CSS_PATH, ICON_PATH } from "./assets.js";

export interface PageOptions {
  title: string;
  /** Already-escaped HTML of the main content. */
  main: string;
}

/**
 * The shell of every page: a skip link, landmarks (header, nav, main, footer) and the one external stylesheet.
 * No script tags anywhere: the CSP forbids them and the pages work without.
 */
export function renderPage({ title, main }: PageOptions): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${e(title)} · Parallax</title>
<link rel="stylesheet" href="${APP_CSS_PATH}">
<link rel="icon" href="${ICON_PATH}" type="image/svg+xml">
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
<nav aria-label="Site"><a class="brand" href="/">Parallax</a> <span class="tagline">one story, every outlet</span></nav>
</header>
<main id="main" tabindex="-1">
${main}
</main>
<footer class="site-footer"><p>Parallax compares how outlets cover one story. Article text is shown as published; nothing from it is run.</p></footer>
</body>
</html>
`;
}

export function renderErrorPage(status: number, code: string, message: string): string {
  return renderPage({
    title: `Error ${status}`,
    main: `<h1>Error ${status}</h1>
<p class="error-message">${e(message)}</p>
<p class="muted">Code: <code>${e(code)}</code></p>
<p><a href="/">Back to the stories</a></p>`,
  });
}
