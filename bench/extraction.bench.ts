/**
 * HTML ingestion speed and peak memory: Parallax (`ingestDocument`, the whole stage: decode, extract, metadata,
 * language, id) against Mozilla Readability.js 0.6 + linkedom on the Zyte benchmark's 181 pages, in one run.
 * Each extractor runs in its own child process, so that one's heap does not inflate the other's peak RSS; the
 * pages are read and gunzipped before the clock starts. Several passes; the median pass is reported.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import type { BenchContext, BenchPart } from "./main.js";

/** Timed passes per extractor; the median is reported, which shrugs off one noisy pass on a shared machine. */
const PASSES = 5;
/** One untimed pass first, so that JIT warm-up and lazy module loading are not billed to the first timed pass. */
const WARMUP_PASSES = 1;
const NOW = new Date("2026-06-01T12:00:00Z");

type Extractor = "parallax" | "readability";

interface ChildReport {
  pages: number;
  passSeconds: number[];
  peakRssBytes: number;
  baseRssBytes: number;
}

function loadPages(sharedData: string, scale: number): Array<{ html: string; url: string | null }> {
  const dir = join(sharedData, "zyte-article-extraction");
  const truth = JSON.parse(readFileSync(join(dir, "ground-truth.json"), "utf8")) as Record<string, { url?: string }>;
  const names = readdirSync(join(dir, "html"))
    .filter((n) => n.endsWith(".html.gz"))
    .sort();
  const count = Math.max(1, Math.round(names.length * Math.min(1, scale)));
  return names.slice(0, count).map((name) => {
    const id = name.replace(/\.html\.gz$/, "");
    return { html: gunzipSync(readFileSync(join(dir, "html", name))).toString("utf8"), url: truth[id]?.url ?? null };
  });
}

async function makeExtractor(which: Extractor): Promise<(html: string, url: string | null) => number> {
  if (which === "parallax") {
    const { ingestDocument } = await import("../src/ingest/index.js");
    return (html, url) => {
      const result = ingestDocument(
        { source: url ?? "page.html", path: null, url, bytes: Buffer.from(html, "utf8"), contentType: "text/html" },
        { now: NOW },
      );
      return result.status === "ok" ? (result.value[0]?.text.length ?? 0) : 0;
    };
  }
  const { Readability } = await import("@mozilla/readability");
  const { parseHTML } = await import("linkedom");
  return (html) => {
    try {
      const { document } = parseHTML(html);
      const parsed = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
      return parsed?.textContent?.length ?? 0;
    } catch {
      return 0;
    }
  };
}

/** Child side: times the passes and samples RSS after every page (RSS only grows between GCs, so this sees peaks). */
async function child(which: Extractor, sharedData: string, scale: number): Promise<void> {
  const pages = loadPages(sharedData, scale);
  const baseRssBytes = process.memoryUsage.rss();
  const extract = await makeExtractor(which);
  let peak = process.memoryUsage.rss();
  const passSeconds: number[] = [];
  let sink = 0;
  for (let pass = 0; pass < WARMUP_PASSES + PASSES; pass++) {
    const started = performance.now();
    for (const page of pages) {
      sink += extract(page.html, page.url);
      const rss = process.memoryUsage.rss();
      if (rss > peak) peak = rss;
    }
    if (pass >= WARMUP_PASSES) passSeconds.push((performance.now() - started) / 1000);
  }
  if (sink < 0) throw new Error("unreachable: keeps the extraction from being optimised away");
  const report: ChildReport = { pages: pages.length, passSeconds, peakRssBytes: peak, baseRssBytes };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function runChild(which: Extractor, ctx: BenchContext): ChildReport {
  const self = fileURLToPath(import.meta.url);
  const result = spawnSync(process.execPath, ["--import", "tsx", self], {
    cwd: ctx.root,
    env: {
      ...process.env,
      PARALLAX_EXTRACTION_BENCH_CHILD: which,
      PARALLAX_SHARED_DATA: ctx.sharedData,
      PARALLAX_BENCH_SCALE: String(ctx.scale),
    },
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`${which} child failed: ${result.stderr || result.error?.message}`);
  const line = result.stdout.trim().split("\n").at(-1) ?? "";
  return JSON.parse(line) as ChildReport;
}

const part: BenchPart = {
  name: "extraction",
  async run(ctx) {
    const truth = join(ctx.sharedData, "zyte-article-extraction", "ground-truth.json");
    if (!existsSync(truth)) {
      ctx.log(`extraction: skipped, ${truth} not found`);
      return;
    }
    const ours = runChild("parallax", ctx);
    const peer = runChild("readability", ctx);
    const rate = (r: ChildReport) => r.pages / median(r.passSeconds);
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
    ctx.log(
      `HTML ingestion of ${ours.pages} Zyte pages, median of ${PASSES} passes, each extractor in its own process\n`,
    );
    ctx.log("| extractor | pages/s | peak RSS (MB) | RSS before extractor loaded (MB) |");
    ctx.log("|---|---|---|---|");
    ctx.log(
      `| Parallax ingestDocument | ${rate(ours).toFixed(1)} | ${mb(ours.peakRssBytes)} | ${mb(ours.baseRssBytes)} |`,
    );
    ctx.log(
      `| Readability.js 0.6 + linkedom | ${rate(peer).toFixed(1)} | ${mb(peer.peakRssBytes)} | ${mb(peer.baseRssBytes)} |`,
    );
    ctx.log(
      `\nspeed ratio Parallax / Readability.js: ${(rate(ours) / rate(peer)).toFixed(2)}x (target >= 2x); peak memory ratio: ${(ours.peakRssBytes / peer.peakRssBytes).toFixed(2)} (target < 1)`,
    );
  },
};
export default part;

const childMode = process.env.PARALLAX_EXTRACTION_BENCH_CHILD as Extractor | undefined;
if (childMode && process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await child(childMode, process.env.PARALLAX_SHARED_DATA ?? "", Number(process.env.PARALLAX_BENCH_SCALE ?? "1"));
}
