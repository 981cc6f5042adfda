export { articleLabels } from "./article-labels.js";
export { type BuildReportOptions, buildReport } from "./build-report.js";
export { escapeHtml } from "./escape-html.js";
export { renderHtml } from "./render-html.js";
export { renderJson } from "./render-json.js";
export { escapeInline, renderMarkdown } from "./render-markdown.js";
export { REPORT_SCHEMA_VERSION, type Report, type ReportArticle, type ReportStory } from "./report.js";
export { contentSecurityPolicy, REPORT_CSS } from "./report-style.js";
