import { describe, expect, it } from "vitest";
import { describeError, redactLocation } from "./describe-error.js";

describe("redactLocation", () => {
  it("drops the password and keeps the rest", () => {
    expect(redactLocation("postgres://me:p%40ss:w/rd@db.example:5432/news?sslmode=require")).toBe(
      "postgres://me@db.example:5432/news?sslmode=require",
    );
    expect(redactLocation("postgresql://me@db/news")).toBe("postgresql://me@db/news");
    expect(redactLocation("/var/data/parallax.db")).toBe("/var/data/parallax.db");
  });
});

describe("describeError", () => {
  it("looks inside an AggregateError without a message", () => {
    const refused = (address: string) => Object.assign(new Error(`connect ECONNREFUSED ${address}`), { code: "X" });
    const error = new AggregateError([refused("::1:5432"), refused("127.0.0.1:5432")], "");
    expect(describeError(error)).toBe("connect ECONNREFUSED ::1:5432; connect ECONNREFUSED 127.0.0.1:5432");
  });

  it("falls back to the code, then the name, for an error without a message", () => {
    expect(describeError(Object.assign(new Error(""), { code: "ECONNRESET" }))).toBe("ECONNRESET");
    expect(describeError(new TypeError(""))).toBe("TypeError");
    expect(describeError("plain")).toBe("plain");
  });
});
