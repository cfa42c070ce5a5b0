// Bundles the server (server/src + contract/src) into server/dist/main.js with esbuild so that
// `tcxd serve` starts without compiling TypeScript. Dependencies stay external (node_modules).
// `--if-stale` builds only when a source file is newer than the bundle.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, 'server', 'dist', 'main.js');

/** The newest modification time of the TypeScript sources the bundle is made from. */
export function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  walk(path.join(root, 'server', 'src'));
  walk(path.join(root, 'contract', 'src'));
  return newest;
}

export function bundleIsFresh() {
  return fs.existsSync(outfile) && fs.statSync(outfile).mtimeMs >= newestSource();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--if-stale') && bundleIsFresh()) process.exit(0);
  await build({
    entryPoints: [path.join(root, 'server', 'src', 'main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
    // @tcxd/contract is a workspace package of TypeScript sources: bundle it in.
    alias: { '@tcxd/contract': path.join(root, 'contract', 'src', 'index.ts') },
  });
}
