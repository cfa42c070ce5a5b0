/** Where a scenario's server keeps its data: the environment to pass to `tcxd`. */
export interface Target {
  readonly name: 'pglite' | 'postgres';
  /** DATA_DIR (PGlite, a fresh temporary directory) or DATABASE_URL (a fresh scratch database). */
  readonly env: Readonly<Record<string, string>>;
}

/** What the runner hands to a scenario. */
export interface BenchContext {
  /** Repetitions asked for with --runs; each scenario has its own default. */
  readonly runs: number | undefined;
  /** Prints one progress line. */
  progress(line: string): void;
}

/** The summary statistic a target is stated on. */
export type TargetStat = 'p50' | 'p95';

/** Raw samples of one measured quantity; the runner summarises them. */
export interface Metric {
  readonly name: string;
  readonly unit: string;
  readonly samples: readonly number[];
  /** Upper bound the target statistic must stay under, when the project has a target. */
  readonly targetMax?: number;
  /** Which statistic the target is on (default p50). */
  readonly targetStat?: TargetStat;
}

/** A benchmark scenario: one file in bench/scenarios/ exporting `scenario`. */
export interface Scenario {
  readonly name: string;
  readonly description: string;
  run(ctx: BenchContext, target: Target): Promise<readonly Metric[]>;
}

export interface MetricSummary {
  readonly name: string;
  readonly unit: string;
  readonly n: number;
  readonly min: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  readonly mean: number;
  readonly targetMax: number | null;
  /** The statistic the target is on; absent in results written before p95 targets (then p50). */
  readonly targetStat?: TargetStat;
  /** Whether the target statistic meets the target (null when there is none). */
  readonly ok: boolean | null;
  readonly samples: readonly number[];
}

export interface MachineInfo {
  readonly date: string;
  readonly node: string;
  readonly os: string;
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly commit: string | null;
}

/** The JSON written to bench/results/<scenario>.json. */
export interface ScenarioResult {
  readonly scenario: string;
  readonly description: string;
  readonly machine: MachineInfo;
  readonly targets: readonly TargetResult[];
}

/** One target's figures; `machine` is set when they come from an earlier run than the result's (BENCH_TARGETS). */
export interface TargetResult {
  readonly target: Target['name'];
  readonly metrics: readonly MetricSummary[];
  readonly machine?: MachineInfo;
}
