import { auditHelp, auditVerify } from './cli/audit.ts';
import { backup, backupHelp, restore, restoreHelp } from './cli/backup.ts';
import { type CommandHelp, formatHelp, wantsHelp } from './cli/help.ts';
import { demo, demoHelp } from './cli/demo.ts';
import { electionCommand, electionHelp } from './cli/election.ts';
import { importCommand, importHelp } from './cli/import.ts';
import { openDatabase } from './cli/open-database.ts';
import { serve, serveHelp } from './cli/serve.ts';
import { createAdmin, createAdminHelp, userCommand, userHelp } from './cli/users.ts';
import { ConfigError, type Config, loadConfig } from './config.ts';
import { AppError } from './platform/errors.ts';
import { messageOf } from './platform/messages.ts';
import { StartupError } from './platform/startup-error.ts';

interface Command {
  readonly help: CommandHelp;
  /** Returns the exit code, or undefined for a long-running command (serve). */
  run(config: Config, args: readonly string[]): Promise<number | undefined>;
}

const migrateHelp: CommandHelp = {
  usage: 'migrate',
  vi: 'Áp dụng các migration còn thiếu cho CSDL (máy chủ cũng tự làm khi khởi động).',
  en: 'Apply pending database migrations (the server also does this at start).',
};

const commands: Readonly<Record<string, Command>> = {
  serve: { help: serveHelp, run: async (config) => (await serve(config), undefined) },
  migrate: {
    help: migrateHelp,
    run: async (config) => {
      const { database, applied } = await openDatabase(config);
      await database.close();
      console.log(applied.length ? `Đã áp dụng / Applied: ${applied.join(', ')}` : 'CSDL đã mới nhất / Database is up to date');
      return 0;
    },
  },
  demo: { help: demoHelp, run: async (config, args) => (await demo(config, args), 0) },
  import: { help: importHelp, run: importCommand },
  'create-admin': { help: createAdminHelp, run: async (config, args) => (await createAdmin(config, args), 0) },
  user: { help: userHelp, run: async (config, args) => (await userCommand(config, args), 0) },
  backup: { help: backupHelp, run: async (config, args) => (await backup(config, args), 0) },
  restore: { help: restoreHelp, run: async (config, args) => (await restore(config, args), 0) },
  election: { help: electionHelp, run: electionCommand },
  audit: {
    help: auditHelp,
    run: async (config, args) => {
      if (args[0] !== 'verify') throw new StartupError('Dùng: tcxd audit verify', 'Usage: tcxd audit verify');
      return auditVerify(config);
    },
  },
};

function overview(): string {
  const first = (text: string) => text.split('\n')[0] ?? '';
  const rows = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(13)} ${first(c.help.vi)}\n  ${''.padEnd(13)} ${first(c.help.en)}`);
  return [
    'TCXD — Hệ thống thông tin ngành Tổ chức xây dựng Đảng / Party organisation-building information system',
    '',
    'Cách dùng / Usage: tcxd <lệnh|command> [--help]',
    '',
    ...rows,
    '',
    'Cấu hình qua biến môi trường (xem README) / Configured by environment variables (see README).',
    '',
  ].join('\n');
}

async function main(argv: readonly string[]): Promise<number | undefined> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(overview());
    return 0;
  }
  const command = commands[name];
  if (!command) {
    console.error(`Lệnh không tồn tại / Unknown command: ${name}\n`);
    console.log(overview());
    return 2;
  }
  if (wantsHelp(args)) {
    console.log(formatHelp(command.help));
    return 0;
  }
  return command.run(loadConfig(), args);
}

try {
  const code = await main(process.argv.slice(2));
  if (code !== undefined) process.exit(code);
} catch (error) {
  if (error instanceof StartupError || error instanceof ConfigError) {
    console.error(error.message);
  } else if (error instanceof AppError) {
    console.error(`${messageOf(error.code, 'vi', error.options.params)} / ${messageOf(error.code, 'en', error.options.params)}`);
  } else {
    console.error('Lỗi không mong đợi / Unexpected error:', error);
  }
  process.exit(1);
}
