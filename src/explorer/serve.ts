/**
 * Serves the visual explorer at /explorer (a placeholder until the explorer is built).
 * Returns true when it handled the request.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

export async function serveExplorer(
  _req: IncomingMessage,
  _res: ServerResponse,
  path: string,
): Promise<boolean> {
  return path === "/explorer" && false;
}
