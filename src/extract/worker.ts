/**
 * The extractor on a worker thread (see pool.ts): the text's analysis is synchronous and, on
 * hostile text (a long run with no spaces, say), can take seconds; here it blocks no request but
 * its own, and the pool can stop it. Entity linking still goes to the graph through the main
 * thread's driver: each lookup is a message on `port`, answered there.
 */
import type { MessagePort } from "node:worker_threads";
import { extractDraft } from "./index.js";
import type { ExtractInput, ExtractResult, LinkedEntity, Linker } from "./types.js";

export interface ExtractTask {
  input: ExtractInput;
  /** Linker lookups go out on it as `{ id, names, keys }`; answers come back as `LinkerReply`. */
  port?: MessagePort;
}

export type LinkerReply =
  | { id: number; entries: [string, LinkedEntity][] }
  | { id: number; failed: true };

/** A lookup the main thread could not answer; the pool rethrows the main thread's own error. */
export class LinkerFailed extends Error {
  constructor() {
    super("entity linking failed in the main thread");
    this.name = "LinkerFailed";
  }
}

function portLinker(port: MessagePort): Linker {
  let next = 0;
  const waiting = new Map<number, (reply: LinkerReply) => void>();
  port.on("message", (reply: LinkerReply) => {
    waiting.get(reply.id)?.(reply);
    waiting.delete(reply.id);
  });
  return {
    lookup(names, keys = []) {
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, (reply) =>
          "entries" in reply ? resolve(new Map(reply.entries)) : reject(new LinkerFailed()),
        );
        port.postMessage({ id, names, keys });
      });
    },
  };
}

export default async function extractTask({ input, port }: ExtractTask): Promise<ExtractResult> {
  try {
    return await extractDraft(input, port ? { linker: portLinker(port) } : {});
  } finally {
    port?.close();
  }
}
