#!/usr/bin/env node
// Guards scripts that need an outside service, e.g. `npm run test:pg` needs TEST_DATABASE_URL.
// Usage: node scripts/require-env.mjs NAME [NAME...]
const names = process.argv.slice(2);
if (names.length === 0) {
  console.error('Dùng / Usage: node scripts/require-env.mjs TÊN_BIẾN [TÊN_BIẾN...] (NAME [NAME...])');
  process.exit(2);
}
const missing = names.filter((name) => !process.env[name]);
if (missing.length > 0) {
  const list = missing.join(', ');
  const example = missing[0] === 'TEST_DATABASE_URL' ? ' (ví dụ / e.g. postgresql://postgres@127.0.0.1:5432/postgres)' : '';
  console.error(`Chưa đặt biến môi trường ${list} / Environment variable ${list} is not set${example}`);
  process.exit(1);
}
