import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Store } from "../store/store.js";
import { type AppOptions, createApp } from "./create-app.js";

export interface StartedServer {
  url: string;
  port: number;
  /** Stops accepting connections and waits for open ones to finish. Does not close the store. */
  close(): Promise<void>;
}

/** Serves the app on host:port (port 0 picks a free one) and resolves once it listens. */
export function startServer(
  store: Store,
  host: string,
  port: number,
  appOptions: Omit<AppOptions, "store"> = {},
): Promise<StartedServer> {
  const app = createApp({ warmCatalog: true, ...appOptions, store });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, (info: AddressInfo) => {
      const shownHost = info.family === "IPv6" ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shownHost}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Keep-alive clients would otherwise hold close() open until they time out.
            if ("closeIdleConnections" in server) server.closeIdleConnections();
          }),
      });
    });
    server.once("error", reject);
  });
}
