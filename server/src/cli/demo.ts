import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';
import { systemContext } from '../platform/context.ts';
import { StartupError } from '../platform/startup-error.ts';
import { demoScales, type DemoScale } from '../seed/demo-structure.ts';
import { seedDemo, structureIsEmpty } from '../seed/seed.ts';
import type { CommandHelp } from './help.ts';
import { withDatabase } from './open-database.ts';
import { progressBar } from './progress.ts';

export const demoHelp: CommandHelp = {
  usage: 'demo [--scale small|medium|national]',
  vi: [
    'Nạp cơ cấu tổ chức tham chiếu (67 đơn vị trực thuộc Trung ương năm 2021, các thay đổi thực tế năm 2025)',
    'và các cấp dưới minh họa (sinh tất định) vào CSDL còn trống.',
    '  small     ≈ 2.000 đơn vị (mặc định khi chạy npm start lần đầu)',
    '  medium    ≈ 15.000 đơn vị',
    '  national  ≈ 52.000 tổ chức cơ sở đảng và ≈ 260.000 chi bộ',
  ].join('\n'),
  en: [
    'Load the reference structure (the 67 units under the Centre in 2021, the real 2025 changes)',
    'and generated (deterministic) lower levels into an empty database.',
    '  small     ≈ 2,000 units (what the first npm start loads)',
    '  medium    ≈ 15,000 units',
    '  national  ≈ 52,000 grassroots organisations and ≈ 260,000 cells',
  ].join('\n'),
  options: [{ flag: '--scale', vi: 'Quy mô (mặc định small)', en: 'Scale (default small)' }],
};

function isScale(value: string): value is DemoScale {
  return Object.hasOwn(demoScales, value);
}

/** tcxd demo --scale … */
export async function demo(config: Config, args: readonly string[]): Promise<void> {
  const { values } = parseArgs({ args: [...args], options: { scale: { type: 'string', default: 'small' } } });
  const scale = values.scale ?? 'small';
  if (!isScale(scale)) throw new StartupError(`Quy mô không hợp lệ: ${scale} (small, medium, national)`, `Invalid scale: ${scale} (small, medium, national)`);
  await withDatabase(config, async ({ db }) => {
    if (!(await structureIsEmpty(db))) {
      throw new StartupError('CSDL đã có cơ cấu tổ chức; dùng một DATA_DIR/CSDL trống', 'The database already holds a structure; use an empty DATA_DIR/database');
    }
    const bars = new Map<string, ReturnType<typeof progressBar>>();
    const started = performance.now();
    await seedDemo(db, systemContext('cli:demo'), scale, (label, done, total) => {
      const bar = bars.get(label) ?? progressBar(label);
      bars.set(label, bar);
      bar.update(done, total);
      if (done >= total) bar.done();
    });
    const count = await db.selectFrom('org_unit').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    console.log(`Đã nạp / Loaded ${Number(count.n).toLocaleString('vi-VN')} đơn vị / units (${scale}) trong / in ${Math.round((performance.now() - started) / 1000)} s`);
  });
}
