import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";

export interface LoopbackServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  base: string;
  port: number;
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 and a free port, for tests of code that fetches URLs. Traffic never leaves the box. */
export async function startLoopbackServer(handler: RequestListener): Promise<LoopbackServer> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    close: async () => {
      // Stalled test responses would otherwise keep close() waiting.
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
