import { parseArgs } from 'node:util';
import { createUserRequest, role as roleSchema } from '@tcxd/contract';
import type { Config } from '../config.ts';
import { systemContext } from '../platform/context.ts';
import { StartupError } from '../platform/startup-error.ts';
import { findByCode } from '../modules/units/units.repository.ts';
import { ensureRootUnit } from '../modules/units/units.service.ts';
import { findIdByUsername } from '../modules/users/users.repository.ts';
import * as users from '../modules/users/users.service.ts';
import type { CommandHelp } from './help.ts';
import { withDatabase } from './open-database.ts';

export const createAdminHelp: CommandHelp = {
  usage: 'create-admin <tên-đăng-nhập|username> [--full-name "Họ tên"]',
  vi: 'Tạo một quản trị viên hệ thống (toàn quyền trên toàn bộ cây tổ chức) và in mật khẩu tạm một lần.',
  en: 'Create a system administrator (full rights over the whole structure) and print a temporary password once.',
  options: [{ flag: '--full-name', vi: 'Họ và tên hiển thị', en: 'Display name' }],
};

export const userHelp: CommandHelp = {
  usage: 'user add <username> --role <vai trò> --unit <mã đơn vị> [--full-name "..."] | user disable <username> | user reset-password <username>',
  vi: [
    'Quản lý tài khoản:',
    '  add             tạo tài khoản với một vai trò trên một đơn vị (in mật khẩu tạm)',
    '  disable         vô hiệu hóa tài khoản và kết thúc mọi phiên',
    '  reset-password  cấp mật khẩu tạm mới (phải đổi khi đăng nhập); mật khẩu cũ không thể xem lại',
    'Vai trò: admin, staff (cán bộ ban tổ chức), leader (lãnh đạo), clerk (văn thư đơn vị), viewer (chỉ xem).',
  ].join('\n'),
  en: [
    'Manage accounts:',
    '  add             create an account with one role over one unit (prints a temporary password)',
    '  disable         disable the account and end all its sessions',
    '  reset-password  issue a new temporary password (to be changed at sign-in); old ones cannot be shown',
    'Roles: admin, staff (organisation board), leader, clerk (unit records), viewer (read-only).',
  ].join('\n'),
  options: [
    { flag: '--role', vi: 'Vai trò (mặc định viewer)', en: 'Role (default viewer)' },
    { flag: '--unit', vi: 'Mã đơn vị của phạm vi (mặc định TW)', en: 'Code of the scope unit (default TW)' },
    { flag: '--full-name', vi: 'Họ và tên', en: 'Full name' },
  ],
};

function printPassword(username: string, password: string): void {
  console.log(`Tên đăng nhập / Username: ${username}\nMật khẩu tạm / Temporary password: ${password}`);
}

/** tcxd create-admin */
export async function createAdmin(config: Config, args: readonly string[]): Promise<void> {
  const { positionals, values } = parseArgs({ args: [...args], allowPositionals: true, options: { 'full-name': { type: 'string' } } });
  const username = positionals[0] ?? 'admin';
  await withDatabase(config, async ({ db }) => {
    const ctx = systemContext('cli:create-admin');
    const rootId = await ensureRootUnit(db, ctx);
    const input = createUserRequest.parse({
      username,
      fullName: values['full-name'] ?? 'Quản trị hệ thống',
      grants: [{ role: 'admin', unitId: rootId }],
    });
    const { temporaryPassword } = await users.createUser(db, ctx, input);
    printPassword(input.username, temporaryPassword);
  });
}

/** tcxd user add|disable|reset-password */
export async function userCommand(config: Config, args: readonly string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { role: { type: 'string' }, unit: { type: 'string' }, 'full-name': { type: 'string' } },
  });
  const [action, username] = positionals;
  if (!action || !username) throw new StartupError('Thiếu thao tác hoặc tên đăng nhập (xem tcxd user --help)', 'Missing action or username (see tcxd user --help)');
  await withDatabase(config, async ({ db }) => {
    const ctx = systemContext(`cli:user-${action}`);
    if (action === 'add') {
      await ensureRootUnit(db, ctx);
      const unitCode = values.unit ?? 'TW';
      const unit = await findByCode(db, unitCode);
      if (!unit) throw new StartupError(`Không có đơn vị mã ${unitCode}`, `No unit with code ${unitCode}`);
      const role = roleSchema.safeParse(values.role ?? 'viewer');
      if (!role.success) throw new StartupError(`Vai trò không hợp lệ: ${values.role}`, `Invalid role: ${values.role}`);
      const input = createUserRequest.parse({ username, fullName: values['full-name'] ?? username, grants: [{ role: role.data, unitId: unit.id }] });
      const { temporaryPassword } = await users.createUser(db, ctx, input);
      printPassword(input.username, temporaryPassword);
      return;
    }
    const found = await findIdByUsername(db, username);
    if (!found) throw new StartupError(`Không có tài khoản ${username}`, `No account ${username}`);
    if (action === 'disable') {
      await users.setDisabled(db, ctx, found.id, true);
      console.log(`Đã vô hiệu hóa / Disabled: ${username}`);
    } else if (action === 'reset-password') {
      const { temporaryPassword } = await users.resetPassword(db, ctx, found.id);
      printPassword(username, temporaryPassword);
    } else {
      throw new StartupError(`Thao tác không hợp lệ: ${action}`, `Unknown action: ${action}`);
    }
  });
}
