import type { ErrorCode, Locale } from '@tcxd/contract';

type Messages = Readonly<Record<ErrorCode, string>>;

const vi: Messages = {
  validation: 'Dữ liệu không hợp lệ',
  unauthenticated: 'Vui lòng đăng nhập',
  csrf: 'Phiên làm việc không hợp lệ, vui lòng tải lại trang',
  forbidden: 'Bạn không có quyền thực hiện thao tác này',
  not_found: 'Không tìm thấy',
  conflict: 'Dữ liệu đã bị thay đổi hoặc trùng lặp',
  edit_conflict: '{by} đã lưu thay đổi lúc {at}, sau khi bạn mở. Thay đổi của bạn chưa được lưu: hãy tải lại để xem bản mới nhất rồi nhập lại',
  invalid_credentials: 'Tên đăng nhập hoặc mật khẩu không đúng',
  account_locked: 'Tài khoản tạm khóa do đăng nhập sai nhiều lần; thử lại sau {seconds} giây',
  account_disabled: 'Tài khoản đã bị vô hiệu hóa',
  rate_limited: 'Quá nhiều lần thử; thử lại sau {seconds} giây',
  password_weak: 'Mật khẩu mới quá yếu: {reason}',
  password_wrong: 'Mật khẩu hiện tại không đúng',
  password_change_required: 'Bạn cần đổi mật khẩu trước khi tiếp tục',
  username_taken: 'Tên đăng nhập "{username}" đã tồn tại',
  last_admin: 'Không thể vô hiệu hóa hoặc bỏ quyền quản trị của quản trị viên cuối cùng',
  payload_too_large: 'Dữ liệu gửi lên quá lớn',
  refused: 'Thao tác bị từ chối: {reason}',
  internal: 'Lỗi hệ thống; vui lòng thử lại hoặc báo quản trị viên (mã yêu cầu {requestId})',
};

const en: Messages = {
  validation: 'Invalid input',
  unauthenticated: 'Please sign in',
  csrf: 'Invalid session token; please reload the page',
  forbidden: 'You are not allowed to do this',
  not_found: 'Not found',
  conflict: 'The data was changed meanwhile or is a duplicate',
  edit_conflict: '{by} saved changes at {at}, after you opened it. Your changes were not saved: reload to see the latest version, then enter them again',
  invalid_credentials: 'Wrong username or password',
  account_locked: 'Account locked after repeated failed sign-ins; try again in {seconds} seconds',
  account_disabled: 'The account is disabled',
  rate_limited: 'Too many attempts; try again in {seconds} seconds',
  password_weak: 'The new password is too weak: {reason}',
  password_wrong: 'The current password is wrong',
  password_change_required: 'You must change your password before continuing',
  username_taken: 'The username "{username}" already exists',
  last_admin: 'The last administrator cannot be disabled or lose the admin role',
  payload_too_large: 'The request is too large',
  refused: 'The operation is refused: {reason}',
  internal: 'System error; please retry or tell the administrator (request id {requestId})',
};

/** The message of an error code in a language, with {placeholders} filled in. */
export function messageOf(
  code: ErrorCode,
  locale: Locale,
  params: Readonly<Record<string, string | number>> = {},
): string {
  const template = (locale === 'en' ? en : vi)[code];
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? ''));
}

/** Picks the response language from Accept-Language (Vietnamese unless English is preferred). */
export function localeFromHeader(header: string | undefined): Locale {
  if (!header) return 'vi';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}
