#!/usr/bin/env node
// Builds the web app when web/dist is missing or older than its sources (a cheap mtime check),
// so `npm start` and the browser tests always serve the current UI.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const builtIndex = path.join(root, 'web', 'dist', 'index.html');
const sources = ['web/src', 'web/public', 'web/index.html', 'web/vite.config.ts', 'web/package.json', 'contract/src'];

/** The newest modification time (ms) of a file or of any file below a directory; 0 when absent. */
function newestMtime(target) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

function reasonToBuild() {
  const built = newestMtime(builtIndex);
  if (built === 0) return 'chưa có web/dist / web/dist is missing';
  const stale = sources.find((source) => newestMtime(path.join(root, source)) > built);
  return stale ? `${stale} mới hơn bản build / ${stale} is newer than the build` : null;
}

const reason = reasonToBuild();
if (reason === null) process.exit(0);
console.log(`Đang build giao diện web (${reason}) / Building the web app`);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['run', 'build', '-w', 'web'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
if (result.error) {
  console.error(`Không chạy được npm / Cannot run npm: ${result.error.message}`);
  process.exit(1);
}
if (result.status !== 0) {
  console.error(`Build giao diện web thất bại / The web build failed (exit ${result.status ?? result.signal})`);
  process.exit(result.status || 1);
}
