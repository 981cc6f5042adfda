import { createHash } from "node:crypto";
import { APP_CSS } from "./app-css.js";

/** Versioned by content so the stylesheet can be cached for long and still change with a release. */
const CSS_VERSION = createHash("sha256").update(APP_CSS).digest("hex").slice(0, 10);

export const APP_CSS_PATH = `/assets/app.css?v=${CSS_VERSION}`;
export const ICON_PATH = "/assets/icon.svg";

export const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1d4e89"/><path d="M8 24 16 8l8 16" fill="none" stroke="#fff" stroke-width="3"/><path d="M11 18h10" stroke="#f4b942" stroke-width="3"/></svg>`;
