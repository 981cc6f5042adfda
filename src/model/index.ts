export * from "./article.js";
export * from "./blank-article.js";
export * from "./diagnostic.js";
export * from "./raw-document.js";
export * from "./result.js";
export * from "./story.js";
