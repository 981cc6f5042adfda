import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT_OK, EXIT_SOME_FAILED, runCli } from "../src/cli/index.js";
import { captureIo } from "./helpers/capture-io.js";
import { type LoopbackServer, startLoopbackServer } from "./helpers/loopback-server.js";

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tram line opens in Orvel</title>
<meta property="og:site_name" content="Orvel Evening"></head><body><nav><a href="/">Home</a></nav>
<article><h1>Tram line opens in Orvel</h1><p>The new tram line across Orvel opened on Monday, with 14 stops between the
station and the harbour.</p><p>City officials said 9,000 people rode it on the first day, twice the forecast.</p>
<script>track("pageview")</script></article></body></html>`;

let server: LoopbackServer;
let base: string;
const dir = mkdtempSync(join(tmpdir(), "parallax-url-"));

beforeAll(async () => {
  server = await startLoopbackServer((request, response) => {
    if (request.url === "/tram") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(PAGE);
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  base = server.base;
});

afterAll(() => server.close());

describe("parallax extract/analyze URL", () => {
  it("refuses a private address unless --allow-private is given", async () => {
    const io = captureIo(dir);
    expect(await runCli(["extract", `${base}/tram`], io)).toBe(EXIT_SOME_FAILED);
    expect(io.err()).toMatch(new RegExp(`^${base}/tram: Unexpected private address 127\\.0\\.0\\.1`, "m"));
    expect(io.out()).toBe("");
  });

  it("fetches, ingests and keeps the final URL with --allow-private", async () => {
    const io = captureIo(dir);
    expect(await runCli(["extract", "--allow-private", `${base}/tram`], io)).toBe(EXIT_OK);
    const article = JSON.parse(io.out());
    expect(article.url).toBe(`${base}/tram`);
    expect(article.path).toBeNull();
    expect(article.title).toBe("Tram line opens in Orvel");
    expect(article.outlet).toBe("Orvel Evening");
    expect(article.text).toContain("9,000 people rode it");
    expect(article.text).not.toContain("track(");
  });

  it("reports a failing URL on one line and goes on with the other inputs", async () => {
    const io = captureIo(dir);
    const code = await runCli(
      ["analyze", "--allow-private", "--quiet", "--db", "db.sqlite", "--out", "out", `${base}/gone`, `${base}/tram`],
      io,
    );
    expect(code).toBe(EXIT_SOME_FAILED);
    expect(io.err()).toMatch(new RegExp(`^${base}/gone: Unexpected HTTP status 404`, "m"));
    expect(io.err()).toMatch(/Analysed 2 inputs: 1 new articles, 0 already stored, 1 failed/);
  });
});
