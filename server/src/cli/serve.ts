import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { bootstrap, firstAdminUsername } from '../bootstrap.ts';
import type { Config } from '../config.ts';
import { StartupError } from '../platform/startup-error.ts';
import type { CommandHelp } from './help.ts';
import { openDatabase } from './open-database.ts';
import { progressBar } from './progress.ts';

export const serveHelp: CommandHelp = {
  usage: 'serve',
  vi: 'Chạy máy chủ TCXD (mặc định http://localhost:3000). Lần đầu: tạo CSDL, tạo quản trị viên và in mật khẩu một lần.',
  en: 'Run the TCXD server (default http://localhost:3000). First run: creates the database and an administrator, printing the password once.',
};

/** Starts the server and stops it cleanly on SIGTERM/SIGINT (in-flight requests finish first). */
export async function serve(config: Config): Promise<void> {
  const started = performance.now();
  const { database } = await openDatabase(config);
  let app: FastifyInstance;
  try {
    const bars = new Map<string, ReturnType<typeof progressBar>>();
    const { adminPassword } = await bootstrap(database.db, {
      demo: config.demoSeed,
      progress: (label, done, total) => {
        const bar = bars.get(label) ?? progressBar(label);
        bars.set(label, bar);
        bar.update(done, total);
        if (done >= total) bar.done();
      },
    });
    app = await buildApp(config, database);
    if (adminPassword) printFirstLogin(adminPassword);
    await listen(app, config);
  } catch (error) {
    await database.close();
    throw error;
  }
  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(`TCXD đang chạy tại / is running at http://${shown}:${port} (${database.kind}, ${Math.round(performance.now() - started)} ms)`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

async function listen(app: FastifyInstance, config: Config): Promise<void> {
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new StartupError(`Cổng ${config.port} đang được dùng (đặt PORT khác)`, `Port ${config.port} is already in use (set another PORT)`);
    }
    if (code === 'EACCES') {
      throw new StartupError(`Không có quyền mở cổng ${config.port}`, `No permission to open port ${config.port}`);
    }
    throw error;
  }
}

function printFirstLogin(password: string): void {
  const lines = [
    'Đã tạo quản trị viên hệ thống / System administrator created:',
    `  Tên đăng nhập / Username: ${firstAdminUsername}`,
    `  Mật khẩu / Password:      ${password}`,
    'Mật khẩu chỉ hiện một lần; đổi ngay sau khi đăng nhập. Quên: tcxd user reset-password admin',
    'Shown only once; change it after signing in. Lost: tcxd user reset-password admin',
  ];
  const width = Math.max(...lines.map((l) => l.length));
  console.log(['', '═'.repeat(width), ...lines, '═'.repeat(width), ''].join('\n'));
}
