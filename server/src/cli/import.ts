import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';
import { vacuumBehind } from '../db/maintenance.ts';
import { importMembers, type ImportPhase } from '../modules/members/members.import.ts';
import { systemContext } from '../platform/context.ts';
import { StartupError } from '../platform/startup-error.ts';
import type { CommandHelp } from './help.ts';
import { withDatabase } from './open-database.ts';
import { progressCounter } from './progress.ts';

export const importHelp: CommandHelp = {
  usage: 'import members <tệp|file.xlsx|file.csv> [--commit] [--report <lỗi.xlsx>]',
  vi: [
    'Nhập đảng viên từ sổ danh sách (Mẫu 7-HSĐV) hoặc bảng hồ sơ đầy đủ, dạng .xlsx hoặc .csv.',
    'Mặc định chỉ kiểm tra (không ghi gì); thêm --commit để nhập. Nhập là tất cả hoặc không:',
    'một dòng lỗi thì không ghi dòng nào. Dòng đã có trong sổ được bỏ qua (nhập lại không đổi gì).',
    'Thoát 0 khi tệp hợp lệ, 1 khi có lỗi (danh sách lỗi ghi vào tệp --report nếu có).',
  ].join('\n'),
  en: [
    'Import members from a member register (form 7-HSĐV) or a full-record sheet, .xlsx or .csv.',
    'By default only checks (writes nothing); add --commit to import. All or nothing: one bad row',
    'and no row is written. Rows already in the registry are skipped (re-importing changes nothing).',
    'Exit 0 when the file is clean, 1 when it has errors (listed in the --report file if given).',
  ].join('\n'),
  options: [
    { flag: '--commit', vi: 'Ghi vào CSDL (mặc định chỉ kiểm tra)', en: 'Write to the database (default: check only)' },
    { flag: '--report', vi: 'Ghi báo cáo lỗi Excel vào tệp này', en: 'Write the Excel error report to this file' },
  ],
};

const phaseNames: Readonly<Record<ImportPhase, string>> = { reading: 'đọc / reading', checking: 'kiểm tra / checking', writing: 'kiểm tra và ghi / checking and writing', finished: 'xong / done' };

/** tcxd import members FILE [--commit] [--report FILE] */
export async function importCommand(config: Config, args: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...args], allowPositionals: true, options: { commit: { type: 'boolean', default: false }, report: { type: 'string' } } });
  const [what, file] = positionals;
  if (what !== 'members' || !file) throw new StartupError('Dùng: tcxd import members <tệp.xlsx|tệp.csv>', 'Usage: tcxd import members <file.xlsx|file.csv>');
  const extension = path.extname(file).toLowerCase();
  const format = extension === '.csv' ? 'csv' : extension === '.xlsx' ? 'xlsx' : null;
  if (format === null) throw new StartupError(`Chỉ nhận tệp .xlsx hoặc .csv: ${file}`, `Only .xlsx or .csv files: ${file}`);
  if (!fs.existsSync(file)) throw new StartupError(`Không có tệp ${file}`, `No such file: ${file}`);

  return withDatabase(config, async ({ db }) => {
    const counter = progressCounter(path.basename(file));
    const started = performance.now();
    const outcome = await importMembers(db, systemContext('cli:import'), { input: { path: file }, format, fileName: path.basename(file), dryRun: !values.commit }, (phase, rows) => counter.update(rows, phaseNames[phase]));
    counter.done();
    if (outcome.kind === 'failed') {
      console.error(`Không nhập được / Cannot import: ${outcome.failure}`);
      return 1;
    }
    const r = outcome.result;
    const seconds = (performance.now() - started) / 1000;
    console.log(`${r.rows.toLocaleString('vi-VN')} dòng / rows trong / in ${seconds.toFixed(1)} s (${Math.round(r.rows / Math.max(seconds, 0.001)).toLocaleString('vi-VN')} dòng/s / rows/s)`);
    for (const e of r.errors.slice(0, 20)) console.log(`  dòng / row ${e.row}, cột / column "${e.column}": ${e.message}`);
    if (r.errorCount > 20) console.log(`  … và / and ${r.errorCount - 20} lỗi khác / more errors`);
    if (outcome.report && values.report) {
      fs.writeFileSync(values.report, outcome.report);
      console.log(`Báo cáo lỗi / Error report: ${values.report}`);
    }
    if (!r.ok) {
      console.log(`Có ${r.errorCount} lỗi; không ghi dòng nào / ${r.errorCount} errors; nothing was written`);
      return 1;
    }
    if (!r.dryRun) await vacuumBehind(db, undefined, (lag) => console.log(`Dọn dẹp và thống kê / Vacuum and analyse: ${lag.table}`));
    const verb = r.dryRun ? 'Sẽ thêm / Would add' : 'Đã thêm / Added';
    console.log(`${verb} ${r.created.toLocaleString('vi-VN')} đảng viên / members; đã có / already present ${r.unchanged.toLocaleString('vi-VN')}${r.dryRun ? ' — chạy lại với --commit để nhập / run again with --commit to import' : ''}`);
    return 0;
  });
}
