export { APP_CSS } from "./app-css.js";
export { articleAnchor, paragraphAnchor } from "./article-refs.js";
export { renderErrorPage, renderPage } from "./layout.js";
export { locatePassage, splitParagraphs } from "./paragraphs.js";
export { renderStoriesPage } from "./stories-page.js";
export { renderStoryPage } from "./story-page.js";
export { webRoutes } from "./web-routes.js";
