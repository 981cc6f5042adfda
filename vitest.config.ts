import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // The CLI end-to-end test and the PostgreSQL suite start processes and databases; give them room on a 2-core box.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
