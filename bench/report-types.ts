/**
 * The shapes of a run's results and of their summary: what bench/report.ts writes and
 * bench/chart.ts draws (kept apart so the two do not import each other).
 */
import type { Fingerprint, IngestRecord } from "./dataset.js";
import type { PhaseResult } from "./load.js";
import type { BulkIngestRecord } from "./neo4j.js";
import type { Fixtures, Group } from "./operations.js";
import type { ServerName } from "./servers/spawn.js";

export interface CellResult {
  size: number;
  op: string;
  server: ServerName;
  round: number;
  c1: PhaseResult;
  c16: PhaseResult;
  rssMax: number;
  rssMean: number;
}

export interface Correctness {
  size: number;
  op: string;
  equal: boolean;
  roundTrips: Partial<Record<ServerName, number>>;
  bytes: number;
}

export interface Results {
  startedAt: string;
  finishedAt: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    node: string;
    loadAverageBefore: number[];
    loadAverageAfter: number[];
  };
  config: Record<string, unknown> & { sizes: number[]; rounds: number };
  neo4j: { version: string; apoc: string | null; apocProblem: string | null; apocVersion?: string };
  servers: ServerName[];
  operations: {
    id: string;
    title: string;
    group: Group;
    p50Target: number | null;
    anchor: boolean;
  }[];
  dataset: {
    reused: number[];
    ingests: IngestRecord[];
    generateMs?: number;
    documentsLoaded?: number;
    fingerprint?: Fingerprint;
  };
  floorIngest: {
    documents: number;
    entities: number;
    relations: number;
    ms: number;
    relationMs: number;
  } | null;
  /** The bulk path (neo4j-admin database import full), when the run measured it. */
  bulkIngest?: BulkIngestRecord;
  correctness: Correctness[];
  fixtures: (Omit<Fixtures, "pairs"> & { pairs: Fixtures["pairs"]; pairCount: number })[];
  cells: CellResult[];
  summary?: Summary;
}

export interface Stat {
  median: number;
  min: number;
  max: number;
  n: number;
}
export interface ServerStats {
  c1p50: Stat;
  c1p99: Stat;
  c16p50: Stat;
  c16p99: Stat;
  rps: Stat;
  rssMax: Stat;
  errors: number;
}
export interface Ratios {
  c1p50: number;
  c1p99: number;
  c16p50: number;
  c16p99: number;
  /** Throughput ours over the other (higher is better for ours). */
  rps: number;
  /** Per-round c1 p50 ratio, min and max (the spread). */
  c1p50Spread: [number, number];
}
export interface Summary {
  rows: {
    size: number;
    op: string;
    servers: Partial<Record<ServerName, ServerStats>>;
    oursOverFloor: Ratios | null;
    oursOverAnchor: Ratios | null;
  }[];
  memory: { size: number; server: ServerName; peakMb: number; medianPeakMb: number }[];
  targets: { target: string; measured: string; met: boolean | null }[];
  ingest: { relationsPerSecond: number | null; source: string } | null;
}
