/**
 * Start-up configuration as `npm start` reads it (eleventh red-team round): a value out of
 * range, or not the number it looks like, stops the server before it serves, with a line naming
 * the variable and what it accepts, and exit code 1; a refused value that holds a password is
 * named without it. A REQUEST_TIMEOUT_MS of 3,000,000,000 (about 35 days) started a server
 * whose every request was stopped at once (Node runs a timer over 2^31 - 1 ms after 1 ms); a
 * MAX_ALIASES of " " was read as 0; a REDIS_URL a slash short printed its password. An
 * API_TOKENS_FILE or a NEO4J_URI with nothing there is named, with what to check.
 */
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { describe, expect, inject, it } from "vitest";
import { PROJECT_ROOT } from "../../src/paths.js";
import { freePort } from "../helpers/process.js";
import { startCommand } from "../helpers/shipped.js";

interface Exit {
  code: number | null;
  output: string;
}

/**
 * Runs the built server as `npm start` does, on the suite's Neo4j, with `env` added; a server
 * that has not exited after 60 s (it started) is killed, and its code is null.
 */
async function start(env: Record<string, string>): Promise<Exit> {
  const port = await freePort();
  const { env: scriptEnv, flags, entry } = startCommand();
  const neo4j = inject("neo4j");
  const child = spawn(process.execPath, [...flags, entry], {
    cwd: PROJECT_ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      ...scriptEnv,
      NEO4J_URI: neo4j.uri,
      NEO4J_USER: neo4j.user,
      NEO4J_PASSWORD: neo4j.password,
      NEO4J_DATABASE: neo4j.database,
      SEED_IF_EMPTY: "false",
      WARM_UP_WRITES: "false",
      HOST: "127.0.0.1",
      PORT: String(port),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d: Buffer) => {
    output += d.toString();
  });
  child.stderr.on("data", (d: Buffer) => {
    output += d.toString();
  });
  const killer = setTimeout(() => child.kill("SIGKILL"), 60_000);
  return new Promise((done) =>
    child.once("exit", (code) => {
      clearTimeout(killer);
      done({ code, output });
    }),
  );
}

describe("a bad value in the environment", () => {
  it("stops start-up, naming the variable and what it accepts", async () => {
    const cases: [Record<string, string>, RegExp][] = [
      [
        { REQUEST_TIMEOUT_MS: "3000000000" },
        /REQUEST_TIMEOUT_MS="3000000000": must be a whole number from 100 to 2,147,483,647/,
      ],
      [
        { REQUEST_TIMEOUT_MS: "3000000000", QUERY_TIMEOUT_MS: "2500000000" },
        /QUERY_TIMEOUT_MS="2500000000": must be a whole number from 50 to 2,147,483,647/,
      ],
      [{ MAX_ALIASES: " " }, /MAX_ALIASES=" ": must be a whole number of 0 or more/],
      [{ MAX_IN_FLIGHT: "0x10" }, /MAX_IN_FLIGHT="0x10": must be a whole number of 1 or more/],
      [{ MAX_BODY_BYTES: "1e6" }, /MAX_BODY_BYTES="1e6": must be a whole number of 1,024 or more/],
      // The logger threw first (pino: "default level:verbose must be included in custom levels").
      [{ LOG_LEVEL: "verbose" }, /LOG_LEVEL="verbose": Invalid option: expected one of "debug"/],
      // Started a local Neo4j that then failed with Java's words only (redteam13).
      [{ NEO4J_LOCAL_HEAP: "0m" }, /NEO4J_LOCAL_HEAP="0m": must be from 128m to this machine's/],
    ];
    const exits = await Promise.all(cases.map(([env]) => start(env)));
    cases.forEach(([env, line], i) => {
      const exit = exits[i] as Exit;
      expect(exit.code, `${JSON.stringify(env)}\n${exit.output}`).toBe(1);
      expect(exit.output).toMatch(line);
      // What the operator reads, not a stack.
      expect(exit.output).not.toMatch(/\n\s+at /);
    });
  }, 120_000);

  it("that holds a password is named without the password", async () => {
    const cases: Record<string, string>[] = [
      { REDIS_URL: "redis//:hunter2-redis@cache.internal:6379" },
      { NEO4J_URI: "https://neo4j:hunter2-neo4j@db.internal:7687" },
    ];
    const exits = await Promise.all(cases.map((env) => start(env)));
    const [redis, neo4j] = exits as [Exit, Exit];
    expect(redis.code, redis.output).toBe(1);
    expect(redis.output).toMatch(/REDIS_URL=.*@cache\.internal:6379": must be a redis:\/\//);
    expect(neo4j.code, neo4j.output).toBe(1);
    expect(neo4j.output).toMatch(/NEO4J_URI=.*@db\.internal:7687": must be a neo4j:\/\//);
    for (const exit of exits) expect(exit.output).not.toContain("hunter2");
  }, 120_000);

  it("that names a file not there, or a Neo4j not running, is named with what to check", async () => {
    // Node's "ENOENT: no such file or directory" named no variable; the driver's error went out
    // as a fatal log line with its stack.
    const nobody = await freePort();
    const [file, neo4j, withLogin] = await Promise.all([
      start({ API_TOKENS_FILE: "/nonexistent/tokens.json" }),
      start({ NEO4J_URI: `bolt://127.0.0.1:${nobody}` }),
      start({ NEO4J_URI: `bolt://neo4j:hunter2-uri@127.0.0.1:${nobody}` }),
    ]);
    expect(file.code, file.output).toBe(1);
    expect(file.output).toMatch(
      /API_TOKENS_FILE \(\/nonexistent\/tokens\.json\): cannot be read \(ENOENT\); it names a file holding the JSON token list/,
    );
    expect(neo4j.code, neo4j.output).toBe(1);
    expect(neo4j.output).toMatch(
      new RegExp(
        `^Cannot reach Neo4j at "bolt://127\\.0\\.0\\.1:${nobody}" \\(NEO4J_URI\\): connect ECONNREFUSED`,
      ),
    );
    // A URI that carries a login is named without it.
    expect(withLogin.code, withLogin.output).toBe(1);
    expect(withLogin.output).toMatch(/^Cannot reach Neo4j at "bolt:\/\/\*\*\*@127\.0\.0\.1:\d+"/);
    expect(withLogin.output).not.toContain("hunter2");
    for (const exit of [file, neo4j, withLogin]) {
      expect(exit.output).not.toMatch(/\n\s+at |"level":60/);
      expect(exit.output).not.toContain(inject("neo4j").password);
    }
  }, 120_000);

  it("that it cannot listen on (PORT taken, HOST no address here) is named, not thrown with a stack", async () => {
    // Node raised an unhandled 'error' event: the process exited with "throw er; // Unhandled
    // 'error' event" and a stack, naming neither variable (redteam29).
    const taken = createServer();
    await new Promise<void>((done) => taken.listen(0, "127.0.0.1", done));
    const port = (taken.address() as { port: number }).port;
    try {
      const [inUse, noHost] = await Promise.all([
        start({ PORT: String(port) }),
        start({ HOST: "no-such-host.invalid" }),
      ]);
      expect(inUse.code, inUse.output).toBe(1);
      expect(inUse.output).toMatch(
        new RegExp(
          `Cannot listen on 127\\.0\\.0\\.1:${port} \\(HOST, PORT\\): the port is in use .*set PORT to a free port`,
        ),
      );
      expect(noHost.code, noHost.output).toBe(1);
      expect(noHost.output).toMatch(
        /Cannot listen on no-such-host\.invalid:\d+ \(HOST, PORT\): HOST="no-such-host\.invalid" is no address of this machine/,
      );
      for (const exit of [inUse, noHost]) {
        expect(exit.output).not.toMatch(/\n\s+at |Unhandled 'error' event|"level":60/);
      }
    } finally {
      await new Promise((done) => taken.close(done));
    }
  }, 120_000);
});
