import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { freePort, repoRoot, spawnServer, startServer, waitHealthy } from '../../server/test/cli-process.ts';
import type { Metric, Scenario } from '../lib/types.ts';

const startupTargetMs = 3_000;
const idleMs = 3_000;

/** Resident memory of a process in MiB, from /proc (Linux). */
function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
  if (!kb) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb) / 1024;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `tcxd serve` on existing data: wall time from spawn until GET /api/health answers 200
 * (polled every 20 ms), then resident memory after 3 s idle, then a graceful SIGTERM.
 */
export const scenario: Scenario = {
  name: 'startup',
  description:
    'Khởi động `tcxd serve` trên dữ liệu có sẵn tới khi /api/health trả 200, rồi RSS sau 3 s rảnh. / ' +
    '`tcxd serve` on existing data until /api/health answers 200, then RSS after 3 s idle.',
  async run(ctx, target) {
    // As `npm start` does: serve runs the bundled server, built when the sources changed.
    execFileSync(process.execPath, ['scripts/build-server.mjs', '--if-stale'], { cwd: repoRoot, stdio: 'inherit' });
    // The server's defaults, except quieter logs (DEMO_SEED unset: as `npm start` would run).
    const env = { ...target.env, LOG_LEVEL: 'warn', DEMO_SEED: undefined };
    const firstStarted = performance.now();
    const first = await startServer(env);
    const firstMs = performance.now() - firstStarted;
    await first.stop('SIGTERM');
    ctx.progress(`first start (create database, migrate, admin): ${Math.round(firstMs)} ms`);

    const runs = ctx.runs ?? 5;
    const startup: number[] = [];
    const rss: number[] = [];
    for (let run = 1; run <= runs; run += 1) {
      const port = String(await freePort());
      const started = performance.now();
      const server = await spawnServer({ ...env, PORT: port });
      await waitHealthy(server, 60_000, 20);
      startup.push(performance.now() - started);
      await sleep(idleMs);
      rss.push(rssMiB(server.pid));
      const exit = await server.stop('SIGTERM');
      if (exit.code !== 0) throw new Error(`server exited with ${JSON.stringify(exit)}:\n${server.output()}`);
      ctx.progress(`run ${run}/${runs}: ready in ${Math.round(startup.at(-1) ?? 0)} ms, idle RSS ${(rss.at(-1) ?? 0).toFixed(1)} MiB`);
    }
    const metrics: Metric[] = [
      { name: 'startup', unit: 'ms', samples: startup, targetMax: startupTargetMs },
      { name: 'idle RSS', unit: 'MiB', samples: rss },
      { name: 'first start (migrate + admin)', unit: 'ms', samples: [firstMs] },
    ];
    return metrics;
  },
};
