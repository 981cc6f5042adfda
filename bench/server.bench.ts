/**
 * `npm run bench -- server`: the web UI and the API over a store of ctx.scale × 100,000 generated articles, under
 * concurrent clients driven from a second process. Figures: requests/second and p50/p99 latency per endpoint, each
 * as a ratio to `/api/health` measured the same way in the same run (the framework's floor on this machine).
 * Traffic goes only to 127.0.0.1 and is bounded in time and count.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateCorpus, toArticle } from "../src/generate/index.js";
import type { ProvenanceEdge, Story } from "../src/model/story.js";
import { startServer } from "../src/server/index.js";
import { openStore } from "../src/store/index.js";
import type { BenchContext, BenchPart } from "./main.js";

const ARTICLES_AT_SCALE_1 = 100_000;
/** Clients kept busy at once by the load process: enough to queue requests on a 2-core box. */
const CONCURRENCY = 16;
/** Each endpoint is driven for this long, or until MAX_REQUESTS, whichever comes first. */
const PHASE_MS = 5_000;
const MAX_REQUESTS = 100_000;
/** Requests to warm each endpoint before measuring (JIT, SQLite page cache). */
const WARMUP_REQUESTS = 200;
/** Story ids the page phases rotate through, so one cached row does not stand for the store. */
const SAMPLED_STORIES = 500;
/** The target for the story page at 100,000 stored articles, with the API under load. */
const STORY_PAGE_TARGET_MS = 50;
/** API clients kept busy while one reader times story pages (the target's "API under load"). */
const BACKGROUND_CLIENTS = 8;

/** The load process: plain node:http with keep-alive, so it measures the server, not a client library. */
const LOAD_SCRIPT = `
import http from "node:http";
const { base, paths, concurrency, durationMs, maxRequests, warmup } = JSON.parse(process.argv[1]);
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const get = (path) => new Promise((resolve) => {
  const start = process.hrtime.bigint();
  http.get(base + path, { agent }, (res) => {
    res.resume();
    res.on("end", () => resolve({ ms: Number(process.hrtime.bigint() - start) / 1e6, status: res.statusCode }));
  }).on("error", () => resolve({ ms: Number(process.hrtime.bigint() - start) / 1e6, status: 0 }));
});
let next = 0;
for (let i = 0; i < warmup; i++) await get(paths[i % paths.length]);
const latencies = [];
let failures = 0;
const started = Date.now();
const worker = async () => {
  while (next < maxRequests && Date.now() - started < durationMs) {
    const { ms, status } = await get(paths[next++ % paths.length]);
    latencies.push(ms);
    if (status !== 200) failures++;
  }
};
await Promise.all(Array.from({ length: concurrency }, worker));
const seconds = (Date.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
agent.destroy();
process.stdout.write(JSON.stringify({ requests: latencies.length, failures, rps: latencies.length / seconds, p50: at(0.5), p99: at(0.99) }));
`;

interface LoadResult {
  requests: number;
  failures: number;
  rps: number;
  p50: number;
  p99: number;
}

function drive(base: string, paths: string[], concurrency = CONCURRENCY): Promise<LoadResult> {
  const args = JSON.stringify({
    base,
    paths,
    concurrency,
    durationMs: PHASE_MS,
    maxRequests: MAX_REQUESTS,
    warmup: WARMUP_REQUESTS,
  });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", LOAD_SCRIPT, args], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    // The load process is bounded by PHASE_MS; this is the backstop if it hangs.
    const killer = setTimeout(() => child.kill("SIGKILL"), PHASE_MS * 6 + 30_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(killer);
      if (code === 0) resolve(JSON.parse(out) as LoadResult);
      else reject(new Error(`load process exited with ${code}`));
    });
  });
}

/** Stories from the generator's gold grouping, with its gold edges as provenance: the shape the pages render. */
function buildStories(
  groups: Map<string, { ids: string[]; outlets: Set<string>; dates: string[]; title: string; edges: ProvenanceEdge[] }>,
): Story[] {
  return [...groups.entries()].map(([key, group]) => {
    const dates = group.dates.sort();
    return {
      id: `story-${key
        .replace(/[^A-Za-z0-9]/g, "")
        .slice(-12)
        .padStart(12, "0")}`,
      title: group.title,
      articleIds: group.ids,
      firstSeen: dates[0] ?? null,
      lastSeen: dates.at(-1) ?? null,
      outlets: [...group.outlets].sort(),
      entities: [],
      provenance: group.edges,
      claims: [],
      quotes: [],
      timeline: [],
      brief: [],
    };
  });
}

async function seed(location: string, count: number, log: BenchContext["log"]): Promise<Story[]> {
  const store = await openStore(location);
  const started = performance.now();
  const groups = new Map<
    string,
    { ids: string[]; outlets: Set<string>; dates: string[]; title: string; edges: ProvenanceEdge[] }
  >();
  for (const item of generateCorpus({ articles: count, seed: 8 })) {
    const article = toArticle(item.record);
    await store.putArticle(article);
    const group = groups.get(item.story) ?? { ids: [], outlets: new Set(), dates: [], title: article.title, edges: [] };
    group.ids.push(article.id);
    if (article.outlet) group.outlets.add(article.outlet);
    if (article.publishedAt) group.dates.push(article.publishedAt);
    for (const edge of item.edges) {
      if (edge.source.startsWith("hidden:")) continue;
      group.edges.push({ source: edge.source, target: edge.target, relation: edge.relation, score: 0.9, evidence: [] });
    }
    groups.set(item.story, group);
  }
  const stories = buildStories(groups).sort((a, b) => b.articleIds.length - a.articleIds.length);
  await store.replaceStories(stories);
  log(
    `seeded ${count} articles in ${stories.length} stories in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  await store.close();
  return stories;
}

const part: BenchPart = {
  name: "server",
  async run(ctx) {
    const count = Math.max(100, Math.round(ctx.scale * ARTICLES_AT_SCALE_1));
    const dir = mkdtempSync(join(tmpdir(), "parallax-bench-server-"));
    try {
      const location = join(dir, "bench.db");
      const stories = await seed(location, count, ctx.log);
      const store = await openStore(location);
      const server = await startServer(store, "127.0.0.1", 0);
      try {
        const step = Math.max(1, Math.floor(stories.length / SAMPLED_STORIES));
        const sampled = stories.filter((_, index) => index % step === 0).slice(0, SAMPLED_STORIES);
        const pages = sampled.map((story) => `/stories/${story.id}`);

        // The server starts building the search catalog at start; the first list request waits for it.
        const catalogStart = performance.now();
        await (await fetch(`${server.url}/api/stories`)).arrayBuffer();
        ctx.log(`search catalog ready ${(performance.now() - catalogStart).toFixed(0)} ms after the server started`);

        // The target: one reader opening story pages while other clients keep the API busy, both from other processes.
        const apiPaths = [
          ...sampled.map((story) => `/api/stories/${story.id}`),
          ...Array.from({ length: 50 }, (_, i) => `/api/stories?page=${i + 1}`),
        ];
        const [reader, background] = await Promise.all([
          drive(server.url, pages, 1),
          drive(server.url, apiPaths, BACKGROUND_CLIENTS),
        ]);
        ctx.log(
          `story page, one reader while ${BACKGROUND_CLIENTS} clients load the API (${background.rps.toFixed(0)} req/s, p99 ${background.p99.toFixed(1)} ms): ` +
            `p50 ${reader.p50.toFixed(1)} ms, p99 ${reader.p99.toFixed(1)} ms over ${reader.requests} pages; target p99 < ${STORY_PAGE_TARGET_MS} ms: ${reader.p99 < STORY_PAGE_TARGET_MS ? "met" : "NOT met"}`,
        );

        const phases: Array<[string, string[]]> = [
          ["GET /api/health (peer)", ["/api/health"]],
          ["GET /stories/:id (page)", pages],
          ["GET /api/stories/:id", sampled.map((story) => `/api/stories/${story.id}`)],
          ["GET /api/stories?page=", Array.from({ length: 50 }, (_, i) => `/api/stories?page=${i + 1}`)],
          [
            "GET /api/stories?q=",
            ["harbour", "minister", "strike", "council", "flood"].map((q) => `/api/stories?q=${q}`),
          ],
          ["GET / (list page)", ["/", "/?page=2", "/?outlet=wire"]],
        ];
        ctx.log(`\n${CONCURRENCY} concurrent clients from a second process, ${PHASE_MS / 1000} s per endpoint:\n`);
        ctx.log("| endpoint | requests | failed | req/s | p50 ms | p99 ms | req/s vs health | p99 vs health |");
        ctx.log("|---|---|---|---|---|---|---|---|");
        let peer: LoadResult | undefined;
        for (const [name, paths] of phases) {
          const result = await drive(server.url, paths);
          peer ??= result;
          ctx.log(
            `| ${name} | ${result.requests} | ${result.failures} | ${result.rps.toFixed(0)} | ${result.p50.toFixed(1)} | ${result.p99.toFixed(1)} | ${(result.rps / peer.rps).toFixed(2)} | ${(result.p99 / peer.p99).toFixed(1)}× |`,
          );
        }
      } finally {
        await server.close();
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default part;
