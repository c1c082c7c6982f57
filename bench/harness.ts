/**
 * Benchmark cases. Each `bench/<area>.bench.ts` exports `cases: BenchCase[]`; `npm run bench`
 * (scripts/bench.ts) runs them and writes docs/benchmarks.md and docs/benchmarks.json.
 * Speed targets live here, not in unit tests: timed tests are flaky on shared 2-core machines.
 */
export interface BenchTarget {
  /** The median of one iteration must be under this many milliseconds. */
  medianMs?: number;
  p99Ms?: number;
}

export interface BenchCase<S = unknown> {
  name: string;
  /** Prepares state once (not timed): databases, files, servers. */
  setup?: () => Promise<S> | S;
  /** One timed iteration. */
  run: (state: S) => Promise<unknown> | unknown;
  /**
   * Runs between two timed iterations (not timed): what happens between two calls in the app,
   * e.g. letting the event loop turn as it does between two IPC messages.
   */
  between?: (state: S) => Promise<void> | void;
  /**
   * Runs before each iteration, warm-up included (not timed): what must be fresh for every
   * measurement, e.g. a new browser page with a cold cache.
   */
  before?: (state: S) => Promise<void> | void;
  /** Releases what setup made (not timed). */
  teardown?: (state: S) => Promise<void> | void;
  iterations?: number;
  warmup?: number;
  target?: BenchTarget;
  /**
   * A target that is not a time (a size, a count), checked after the run: `describe` goes into
   * the table's target column, `met` decides the "met" column like a time target does.
   */
  check?: { describe: string; met: (state: S) => boolean };
  /**
   * For a load case whose one iteration runs many clients at once (bench/meeting-room): the time
   * of each request, which then makes the median, p99 and count instead of the iteration times.
   */
  samples?: (state: S) => number[];
  /** Free-form facts to print beside the numbers (data size, memory…), filled by setup/run. */
  notes?: (state: S) => string;
}

export const defineCases = <S>(...cases: BenchCase<S>[]): BenchCase[] => cases as BenchCase[];
