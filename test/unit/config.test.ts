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
