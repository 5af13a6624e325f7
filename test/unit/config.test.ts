/** CORS_ORIGINS as the environment gives it: `*`, `none`, or a list of origins; anything else stops start-up. */
import { describe, expect, it } from "vitest";
import { ConfigError, checkServerMemory, loadConfig } from "../../src/config.js";
import { FILTER_LIMITS } from "../../src/cypher/filters.js";

const cors = (value?: string) => loadConfig({ CORS_ORIGINS: value }).CORS_ORIGINS;

describe("CORS_ORIGINS", () => {
  it("is any origin by default, none with none, else the origins listed", () => {
    expect(cors()).toBe("*");
    expect(cors("*")).toBe("*");
    expect(cors("none")).toEqual([]);
    expect(cors(" https://app.example, http://localhost:5173/ ")).toEqual([
      "https://app.example",
      "http://localhost:5173",
    ]);
  });

  it("takes an origin in any case, and with its default port, as the browser sends it", () => {
    // https://Example.org stopped start-up: scheme and host are case-insensitive.
    expect(cors("https://Example.org, HTTP://LocalHost:5173, https://app.example:443")).toEqual([
      "https://example.org",
      "http://localhost:5173",
      "https://app.example",
    ]);
  });

  it("refuses what is not an origin, naming the variable", () => {
    for (const bad of [
      "https://app.example/path",
      "https://App.example/Path",
      "https://app.example?x=1",
      "https://app.example#top",
      "https://user@app.example",
      "https://*.example.org",
      "https://app.*.org",
      "file:///tmp",
      "app.example",
      ",",
      "https://a.example,*",
    ]) {
      expect(() => cors(bad), bad).toThrow(ConfigError);
      expect(() => cors(bad), bad).toThrow(/CORS_ORIGINS=.*must be \*, none, or origins/);
    }
  });
});

describe("NEO4J_TX_TIMEOUT", () => {
  it("is a duration from 1s to 24h; 0, which Neo4j reads as no timeout, stops start-up", () => {
    const tx = (value: string) => loadConfig({ NEO4J_TX_TIMEOUT: value }).NEO4J_TX_TIMEOUT;
    expect(tx("30s")).toBe("30s");
    expect(tx("1000ms")).toBe("1000ms");
    expect(tx("1440m")).toBe("1440m");
    for (const bad of ["0ms", "0s", "0m", "999ms", "1441m", "100000000000000000000s"]) {
      expect(() => tx(bad), bad).toThrow(/NEO4J_TX_TIMEOUT=.*must be from 1s to 24h/);
    }
    expect(() => tx("30")).toThrow(/NEO4J_TX_TIMEOUT="30": must look like 500ms, 30s or 2m$/m);
  });
});

describe("TRUST_PROXY and MAX_SUBSCRIPTIONS_PER_CLIENT", () => {
  const trust = (value?: string) => loadConfig({ TRUST_PROXY: value }).TRUST_PROXY;

  it("believes no proxy by default; a number of hops, or the proxies named, when set", () => {
    expect(trust()("127.0.0.1", 0)).toBe(false);
    expect(trust("1")("203.0.113.7", 0)).toBe(true);
    expect(trust("1")("203.0.113.7", 1)).toBe(false);
    const named = trust("loopback, 10.0.0.0/8");
    expect(named("127.0.0.1", 0)).toBe(true);
    expect(named("10.1.2.3", 1)).toBe(true);
    expect(named("203.0.113.7", 0)).toBe(false);
  });

  it("refuses what names no proxy, naming the variable", () => {
    for (const bad of ["yes", "10.0.0.0/33", "localhost", "1.2.3"])
      expect(() => trust(bad), bad).toThrow(/TRUST_PROXY=.*must be a number of hops, or addresses/);
  });

  it("lets a client hold 8 streams by default, at least 1", () => {
    expect(loadConfig({}).MAX_SUBSCRIPTIONS_PER_CLIENT).toBe(8);
    expect(() => loadConfig({ MAX_SUBSCRIPTIONS_PER_CLIENT: "0" })).toThrow(
      /MAX_SUBSCRIPTIONS_PER_CLIENT="0": must be a whole number of 1 or more/,
    );
  });
});

describe("NEO4J_LOCAL_HEAP and NEO4J_LOCAL_PAGECACHE", () => {
  it("are sizes the local Neo4j starts with; the others stop start-up naming the variable", () => {
    const local = (env: Record<string, string>) => loadConfig(env);
    expect(local({}).NEO4J_LOCAL_HEAP).toBe("512m");
    expect(local({ NEO4J_LOCAL_HEAP: "128m", NEO4J_LOCAL_PAGECACHE: "1m" })).toMatchObject({
      NEO4J_LOCAL_HEAP: "128m",
      NEO4J_LOCAL_PAGECACHE: "1m",
    });
    expect(local({ NEO4J_LOCAL_HEAP: "1G" }).NEO4J_LOCAL_HEAP).toBe("1G");
    // Each of these started a Neo4j that then failed with Java's words only (redteam13).
    for (const heap of ["0m", "1k", "32m", "999999g"]) {
      expect(() => local({ NEO4J_LOCAL_HEAP: heap }), heap).toThrow(
        new RegExp(`NEO4J_LOCAL_HEAP="${heap}": must be from 128m to this machine's memory`),
      );
    }
    for (const cache of ["0m", "1k", "999999g"]) {
      expect(() => local({ NEO4J_LOCAL_PAGECACHE: cache }), cache).toThrow(
        new RegExp(`NEO4J_LOCAL_PAGECACHE="${cache}": must be from 1m to this machine's memory`),
      );
    }
    expect(() => local({ NEO4J_LOCAL_HEAP: "512" })).toThrow(
      /NEO4J_LOCAL_HEAP="512": must look like 512m or 1g$/m,
    );
  });
});

describe("the memory the limits admit", () => {
  it("must fit in the process's heap: limits that admit more stop start-up, naming them", () => {
    const serving = (env: NodeJS.ProcessEnv) => checkServerMemory(loadConfig(env));
    expect(() => serving({ MAX_IN_FLIGHT: "16", MAX_READ_BYTES: "16000000" })).not.toThrow();
    for (const env of [
      { MAX_BODY_BYTES: "1000000000000" },
      { MAX_READ_BYTES: "1000000000000" },
      { DOCUMENT_CACHE_BYTES: "1000000000000" },
      { MAX_IN_FLIGHT: "100000" },
    ]) {
      // The CLIs, which serve no requests, read the same configuration.
      expect(() => loadConfig(env), JSON.stringify(env)).not.toThrow();
      expect(() => serving(env), JSON.stringify(env)).toThrow(
        /MAX_IN_FLIGHT, MAX_BODY_BYTES, MAX_READ_BYTES, DOCUMENT_CACHE_BYTES: the requests they admit at once may hold about [\d,]+ MB, more than this process's heap/,
      );
    }
  });
});

describe("API_TOKENS with one token twice", () => {
  const entry = (name: string, scopes: string[]) => ({
    name,
    sha256: "ab".repeat(32),
    scopes,
  });

  it("stops start-up naming both (the first entry's scopes were used without a word)", () => {
    const twice = JSON.stringify([entry("alice", ["read"]), entry("alice-admin", ["admin"])]);
    expect(() => loadConfig({ API_TOKENS: twice })).toThrow(ConfigError);
    expect(() => loadConfig({ API_TOKENS: twice })).toThrow(
      'the token of "alice-admin" is listed twice (first as "alice")',
    );
    // Two tokens, each once, are fine.
    const two = JSON.stringify([
      entry("alice", ["read"]),
      { ...entry("bob", ["write"]), sha256: "cd".repeat(32) },
    ]);
    expect(loadConfig({ API_TOKENS: two }).API_TOKENS).toBe(two);
  });
});

describe("MAX_FILTER_NODES", () => {
  it("lowers the 50 conditions a where may hold; above 50 stops start-up, naming it", () => {
    // The query compiler builds at most 50 conditions whatever the guard admits: a higher value
    // was taken and then each where of 51 to that many conditions refused anyway (redteam29).
    expect(loadConfig({}).MAX_FILTER_NODES).toBe(50);
    expect(loadConfig({ MAX_FILTER_NODES: "20" }).MAX_FILTER_NODES).toBe(20);
    expect(() => loadConfig({ MAX_FILTER_NODES: "80" })).toThrow(
      /MAX_FILTER_NODES="80": must be a whole number from 1 to 50/,
    );
  });
});

describe("MAX_LIST_ITEMS", () => {
  it("lowers the 100 items a list argument may hold; above 100 stops start-up, naming it", () => {
    // The filter compiler takes at most FILTER_LIMITS.list values in a where's `in` whatever the
    // guard admits: 150 was taken, and an `in` of 101 to 150 values then refused anyway.
    expect(loadConfig({}).MAX_LIST_ITEMS).toBe(FILTER_LIMITS.list);
    expect(loadConfig({ MAX_LIST_ITEMS: "20" }).MAX_LIST_ITEMS).toBe(20);
    expect(loadConfig({ MAX_LIST_ITEMS: "100" }).MAX_LIST_ITEMS).toBe(100);
    expect(() => loadConfig({ MAX_LIST_ITEMS: "150" })).toThrow(
      /MAX_LIST_ITEMS="150": must be a whole number from 1 to 100/,
    );
  });
});

describe("MAX_SUBSCRIPTIONS_PER_CLIENT", () => {
  it("above MAX_SUBSCRIPTIONS stops start-up, naming both; unset, its default stands", () => {
    // 100 per client under 64 in all was taken: a promise no client could have held.
    expect(() => loadConfig({ MAX_SUBSCRIPTIONS_PER_CLIENT: "100" })).toThrow(
      /MAX_SUBSCRIPTIONS_PER_CLIENT=100: must be at most MAX_SUBSCRIPTIONS \(64\)/,
    );
    expect(() => loadConfig({ MAX_SUBSCRIPTIONS: "4", MAX_SUBSCRIPTIONS_PER_CLIENT: "5" })).toThrow(
      ConfigError,
    );
    const equal = loadConfig({ MAX_SUBSCRIPTIONS: "4", MAX_SUBSCRIPTIONS_PER_CLIENT: "4" });
    expect(equal.MAX_SUBSCRIPTIONS_PER_CLIENT).toBe(4);
    // Subscriptions turned off (0), or a small server, need no per-client setting as well.
    expect(loadConfig({ MAX_SUBSCRIPTIONS: "0" }).MAX_SUBSCRIPTIONS_PER_CLIENT).toBe(8);
    expect(loadConfig({ MAX_SUBSCRIPTIONS: "4" }).MAX_SUBSCRIPTIONS).toBe(4);
  });
});

describe("a variable set to nothing", () => {
  it("is unset, and takes its default; spaces alone are refused as a number", () => {
    // As the README says: a compose file's ${VAR} for an unset VAR passes VAR= (redteam29).
    const config = loadConfig({ MAX_COST: "", PORT: "", CORS_ORIGINS: "", REQUEST_TIMEOUT_MS: "" });
    expect(config.MAX_COST).toBe(50_000);
    expect(config.PORT).toBe(4000);
    expect(config.CORS_ORIGINS).toBe("*");
    expect(config.REQUEST_TIMEOUT_MS).toBe(10_000);
    expect(() => loadConfig({ MAX_COST: " " })).toThrow(
      /MAX_COST=" ": must be a whole number of 1 or more/,
    );
  });
});
