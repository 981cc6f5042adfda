import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LoopbackServer, startLoopbackServer } from "../../test/helpers/loopback-server.js";
import { isPublicAddress } from "./address-policy.js";
import { safeFetch } from "./safe-fetch.js";

let server: LoopbackServer;
let base: string;

beforeAll(async () => {
  server = await startLoopbackServer((request, response) => {
    const path = request.url ?? "/";
    if (path === "/page") {
      response.writeHead(200, { "content-type": "text/html; charset=windows-1252" });
      response.end("<html><body><p>Hello</p></body></html>");
    } else if (path === "/loop") {
      response.writeHead(302, { location: "/loop" });
      response.end();
    } else if (path === "/hop") {
      response.writeHead(301, { location: "/page" });
      response.end();
    } else if (path === "/big") {
      response.writeHead(200, { "content-type": "text/plain" });
      response.end("x".repeat(5000));
    } else if (path === "/stall") {
      // Headers and a first byte, then nothing: the time limit must cover the body too.
      response.writeHead(200, { "content-type": "text/plain" });
      response.write("x");
    } else if (path === "/slow") {
      setTimeout(() => response.end("late"), 2000);
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  base = server.base;
});

afterAll(() => server.close());

describe("isPublicAddress", () => {
  it.each([
    ["127.0.0.1", false],
    ["10.1.2.3", false],
    ["172.16.0.1", false],
    ["192.168.1.1", false],
    ["169.254.169.254", false],
    ["::1", false],
    ["fc00::1", false],
    ["fe80::1", false],
    ["::ffff:127.0.0.1", false],
    ["0.0.0.0", false],
    ["100.64.0.1", false],
    ["224.0.0.1", false],
    ["93.184.216.34", true],
    ["2606:4700::1111", true],
    ["not an address", false],
  ])("%s → %s", (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe("safeFetch", () => {
  it("refuses a loopback URL unless private addresses are allowed", async () => {
    await expect(safeFetch(`${base}/page`)).rejects.toThrow(/Unexpected private address 127\.0\.0\.1/);
    const document = await safeFetch(`${base}/page`, { allowPrivate: true });
    expect(new TextDecoder().decode(document.bytes)).toContain("<p>Hello</p>");
    expect(document.contentType).toBe("text/html; charset=windows-1252");
    expect(document.url).toBe(`${base}/page`);
    expect(document.path).toBeNull();
  });

  it("refuses a host name that resolves to a private address", async () => {
    await expect(safeFetch(`http://localhost:${server.port}/page`)).rejects.toThrow(/Unexpected private address/);
  });

  it("follows a few redirects and caps loops", async () => {
    const document = await safeFetch(`${base}/hop`, { allowPrivate: true });
    expect(document.url).toBe(`${base}/page`);
    await expect(safeFetch(`${base}/loop`, { allowPrivate: true })).rejects.toThrow(
      /redirect number 6, expected at most 5/,
    );
  });

  it("caps the body size and the time", async () => {
    await expect(safeFetch(`${base}/big`, { allowPrivate: true, maxBytes: 1000 })).rejects.toThrow(
      /expected at most 1000/,
    );
    await expect(safeFetch(`${base}/slow`, { allowPrivate: true, timeoutMs: 200 })).rejects.toThrow(/time-out/);
    await expect(safeFetch(`${base}/stall`, { allowPrivate: true, timeoutMs: 200 })).rejects.toThrow(/time-out/);
  });

  it("refuses other schemes, credentials and error statuses", async () => {
    await expect(safeFetch("file:///etc/passwd")).rejects.toThrow(/scheme 'file:'/);
    await expect(safeFetch("http://user:pw@example.invalid/")).rejects.toThrow(/credentials/);
    await expect(safeFetch("not a url")).rejects.toThrow(/malformed URL/);
    await expect(safeFetch(`${base}/missing`, { allowPrivate: true })).rejects.toThrow(/HTTP status 404/);
  });
});
