import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestDocument } from "../src/ingest/index.js";
import type { Story } from "../src/model/story.js";
import { analyzeCorpus } from "../src/pipeline/index.js";
import { SAMPLE_ARTICLES, SAMPLE_STORY } from "../src/server/fixtures/sample-story.js";
import { type StartedServer, startServer } from "../src/server/index.js";
import { openStore } from "../src/store/index.js";
import type { Store } from "../src/store/store.js";

/** Debian's Chromium; installed by .ci/run. Never downloaded by the test tool. */
const CHROMIUM = "/usr/bin/chromium";
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const ROOT = join(import.meta.dirname, "..");
const SHOTS = join(ROOT, "test-results");
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.log(`e2e-browser: SKIPPED, ${CHROMIUM} is missing (apt-get install chromium to run it)`);

function files(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) =>
      entry.isDirectory()
        ? files(join(folder, entry.name))
        : entry.name.startsWith(".")
          ? []
          : [join(folder, entry.name)],
    );
}

/** The demo corpus through the real ingest and analysis, as `parallax analyze examples` would store it. */
async function seedFromExamples(store: Store): Promise<Story[]> {
  for (const file of files(join(ROOT, "examples"))) {
    const source = file.slice(ROOT.length + 1);
    const result = ingestDocument({ source, path: source, url: null, bytes: readFileSync(file) });
    if (result.status === "ok") for (const article of result.value) await store.putArticle(article);
  }
  const stories = analyzeCorpus(await store.listArticles());
  if (stories.some((story) => story.brief.length > 0)) {
    await store.replaceStories(stories);
    return stories;
  }
  // Until the summarize stage fills briefs, a story with every section filled is added so that a citation exists.
  console.log("e2e-browser: no demo story has a brief yet; adding the sample story to follow a citation");
  for (const article of SAMPLE_ARTICLES) await store.putArticle(article);
  const all = [SAMPLE_STORY, ...stories];
  await store.replaceStories(all);
  return all;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Runs axe-core on the open page; evaluated through the DevTools protocol, which the page's CSP does not govern. */
async function seriousViolations(page: Page): Promise<Array<{ id: string; impact: string | null; target: string }>> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate<Array<{ id: string; impact: string | null; target: string }>>(
    `axe.run(document).then((result) => result.violations.map((v) => ({ id: v.id, impact: v.impact, target: JSON.stringify(v.nodes.map((n) => n.target)) })))`,
  );
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

describe.skipIf(!hasChromium)("web UI in Chromium", () => {
  let dir: string;
  let store: Store;
  let server: StartedServer;
  let context: BrowserContext;
  let page: Page;
  let stories: Story[];
  const cspViolations: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "parallax-e2e-"));
    await mkdir(SHOTS, { recursive: true });
    store = await openStore(join(dir, "demo.db"));
    stories = await seedFromExamples(store);
    server = await startServer(store, "127.0.0.1", 0);
    context = await chromium.launchPersistentContext(join(dir, "profile"), {
      executablePath: CHROMIUM,
      args: ARGS,
      headless: true,
      viewport: { width: 1280, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("lists the stories with counts and a search form", async () => {
    await page.goto(`${server.url}/`);
    await expect(page.locator("h1").textContent()).resolves.toBe("Stories");
    expect(await page.locator("table.stories tbody tr").count()).toBe(Math.min(stories.length, 20));
    await expect(page.locator("form[role=search] input[name=q]").count()).resolves.toBe(1);
    await page.screenshot({ path: join(SHOTS, "stories.png"), fullPage: true });
  });

  it("opens a story and follows a citation to its passage", async () => {
    const story = stories.find((s) => s.brief.length > 0) as Story;
    await page.click(`a[href="/stories/${story.id}"]`);
    await page.waitForURL(`**/stories/${story.id}`);
    await expect(page.locator("h1").textContent()).resolves.toBe(story.title);
    await page.screenshot({ path: join(SHOTS, "story.png"), fullPage: true });

    const citation = page.locator("#brief a.cite").first();
    const href = (await citation.getAttribute("href")) as string;
    expect(href).toMatch(/^#a-[A-Za-z0-9_-]+-p\d+$/);
    await citation.click();
    await page.waitForURL(`**/stories/${story.id}${href}`);
    // Browser-side code is passed as strings: the test compiles without the DOM library.
    const target = await page.evaluate<{ id: string; inView: boolean } | null>(`(() => {
      const element = document.querySelector(":target");
      if (element === null) return null;
      const box = element.getBoundingClientRect();
      return { id: element.id, inView: box.top < innerHeight && box.bottom > 0 && box.left < innerWidth };
    })()`);
    expect(target).toEqual({ id: href.slice(1), inView: true });
    await page.screenshot({ path: join(SHOTS, "citation.png") });
  });

  it("has no serious or critical accessibility violations on the story page and the list", async () => {
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${server.url}/?q=police`);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("is readable on a phone and loads nothing the CSP blocks", async () => {
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    const story = stories.find((s) => s.brief.length > 0) as Story;
    await phone.goto(`${server.url}/stories/${story.id}`);
    const overflow = await phone.evaluate<number>("document.documentElement.scrollWidth - innerWidth");
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.screenshot({ path: join(SHOTS, "story-phone.png"), fullPage: true });
    await phone.close();
    expect(cspViolations).toEqual([]);
  });
});
