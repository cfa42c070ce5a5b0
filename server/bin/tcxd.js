#!/usr/bin/env node
// Runs the bundled server (server/dist/main.js, built by scripts/build-server.mjs) when it is
// up to date with the sources, and the TypeScript sources through tsx otherwise.
import { bundleIsFresh } from '../../scripts/build-server.mjs';

if (bundleIsFresh()) {
  await import('../dist/main.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/main.ts');
}
