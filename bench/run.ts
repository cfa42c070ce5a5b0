import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { repoRoot } from '../server/test/cli-process.ts';
import { machineInfo } from './lib/machine.ts';
import { resultTable, writeResult, writeSummary } from './lib/report.ts';
import { summarize } from './lib/stats.ts';
import { targetNames, withTarget } from './lib/targets.ts';
import type { BenchContext, Scenario, ScenarioResult } from './lib/types.ts';

// npm run bench [-- <scenario>... [--runs N]]: runs every scenario file in bench/scenarios/
// (or the named ones) on PGlite, and on PostgreSQL when BENCH_DATABASE_URL is set (BENCH_TARGETS=postgres
// or =pglite keeps one of them).

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const resultsDir = path.join(benchDir, 'results');

function isScenario(value: unknown): value is Scenario {
  return typeof value === 'object' && value !== null && 'name' in value && 'run' in value && typeof value.run === 'function';
}

async function loadScenarios(): Promise<Scenario[]> {
  const dir = path.join(benchDir, 'scenarios');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).sort();
  const scenarios: Scenario[] = [];
  for (const file of files) {
    const module: unknown = await import(pathToFileURL(path.join(dir, file)).href);
    const exported = typeof module === 'object' && module !== null && 'scenario' in module ? module.scenario : undefined;
    if (!isScenario(exported)) throw new Error(`${file} must export \`scenario\` (see bench/lib/types.ts)`);
    scenarios.push(exported);
  }
  return scenarios;
}

async function runScenario(scenario: Scenario, runs: number | undefined): Promise<ScenarioResult> {
  const targets: ScenarioResult['targets'][number][] = [];
  for (const name of targetNames()) {
    console.log(`\n▶ ${scenario.name} [${name}]`);
    const ctx: BenchContext = { runs, progress: (line) => console.log(`  ${scenario.name} [${name}] ${line}`) };
    const metrics = await withTarget(name, (target) => scenario.run(ctx, target));
    targets.push({ target: name, metrics: metrics.map(summarize) });
  }
  return { scenario: scenario.name, description: scenario.description, machine: machineInfo(repoRoot), targets };
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string' } } });
  const runs = values.runs === undefined ? undefined : Number.parseInt(values.runs, 10);
  if (runs !== undefined && !(runs > 0)) {
    console.error('--runs phải là số nguyên dương / --runs must be a positive integer');
    return 2;
  }
  const all = await loadScenarios();
  const unknown = positionals.filter((name) => !all.some((s) => s.name === name));
  if (unknown.length > 0) {
    console.error(`Không có kịch bản / Unknown scenario: ${unknown.join(', ')} (có / available: ${all.map((s) => s.name).join(', ')})`);
    return 2;
  }
  const chosen = positionals.length > 0 ? all.filter((s) => positionals.includes(s.name)) : all;
  for (const scenario of chosen) {
    const result = await runScenario(scenario, runs);
    const file = writeResult(resultsDir, result);
    console.log(`\n${resultTable(result)}\n\n→ ${path.relative(repoRoot, file)}`);
  }
  console.log(`→ ${path.relative(repoRoot, writeSummary(resultsDir))}`);
  return 0;
}

process.exitCode = await main();
