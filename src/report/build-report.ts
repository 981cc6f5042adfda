import type { Article } from "../model/article.js";
import type { Diagnostic } from "../model/diagnostic.js";
import type { Story } from "../model/story.js";
import { REPORT_SCHEMA_VERSION, type Report, type ReportArticle, type ReportStory } from "./report.js";

export interface BuildReportOptions {
  version: string;
  now: Date;
}

export function buildReport(
  articles: readonly Article[],
  stories: readonly Story[],
  options: BuildReportOptions,
): Report {
  // Analysis diagnostics live on the story (articles are stored before analysis); readers find them on the article.
  const analysisDiagnostics = new Map<string, Diagnostic[]>();
  const reportStories: ReportStory[] = stories.map(({ diagnostics = [], ...story }) => {
    for (const { articleId, diagnostic } of diagnostics) {
      analysisDiagnostics.set(articleId, [...(analysisDiagnostics.get(articleId) ?? []), diagnostic]);
    }
    return { ...story, independentSources: story.independentSources ?? story.outlets.length };
  });
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generator: { name: "parallax", version: options.version },
    generatedAt: options.now.toISOString(),
    articles: articles.map((article) => toReportArticle(article, analysisDiagnostics.get(article.id) ?? [])),
    stories: reportStories,
  };
}

function toReportArticle(article: Article, analysisDiagnostics: readonly Diagnostic[]): ReportArticle {
  const { id, path, url, title, outlet, author, publishedAt, language, text, diagnostics } = article;
  return {
    id,
    path,
    url,
    title,
    outlet,
    author,
    publishedAt,
    language,
    text,
    diagnostics: [...diagnostics, ...analysisDiagnostics],
  };
}
