import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerServeCommand } from "../src/cli/commands/serve.js";
import { captureIo } from "./helpers/capture-io.js";

describe("parallax serve", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "parallax-serve-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("serves on 127.0.0.1, prints the URL and stops cleanly on SIGINT", async () => {
    const io = captureIo(dir);
    let exitCode = -1;
    const program = new Command().exitOverride();
    registerServeCommand(program, io, (code) => {
      exitCode = code;
    });
    const running = program.parseAsync(["serve", "--port", "0", "--db", "serve.db"], { from: "user" });
    const url = await new Promise<string>((resolve, reject) => {
      const deadline = setTimeout(() => reject(new Error(`no URL printed: ${io.err()}`)), 10_000);
      const poll = setInterval(() => {
        const match = /serving (http:\/\/127\.0\.0\.1:\d+)\//.exec(io.out());
        if (match?.[1]) {
          clearInterval(poll);
          clearTimeout(deadline);
          resolve(match[1]);
        }
      }, 20);
    });
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
    expect(health.headers.get("content-security-policy")).toContain("default-src 'none'");
    const list = await fetch(`${url}/`);
    expect(await list.text()).toContain("No stories stored yet");
    // Emitted, not sent: the handler runs exactly as for Ctrl+C without signalling the test runner.
    process.emit("SIGINT", "SIGINT");
    await running;
    expect(exitCode).toBe(0);
    await expect(fetch(`${url}/api/health`)).rejects.toThrow();
  });

  it("refuses --enqueue on an embedded database with exit code 2", async () => {
    const io = captureIo(dir);
    let exitCode = -1;
    const program = new Command().exitOverride();
    registerServeCommand(program, io, (code) => {
      exitCode = code;
    });
    await program.parseAsync(["serve", "--enqueue", "--db", join(dir, "local.db")], { from: "user" });
    expect(exitCode).toBe(2);
    expect(io.err()).toContain("--enqueue needs a PostgreSQL database");
  });

  it("refuses a bad port with exit code 2", async () => {
    const io = captureIo(dir);
    let exitCode = -1;
    const program = new Command().exitOverride();
    registerServeCommand(program, io, (code) => {
      exitCode = code;
    });
    await program.parseAsync(["serve", "--port", "99999"], { from: "user" });
    expect(exitCode).toBe(2);
    expect(io.err()).toContain("Unexpected port");
  });
});
