/** CORS_ORIGINS as the environment gives it: `*`, `none`, or a list of origins; anything else stops start-up. */
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

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
