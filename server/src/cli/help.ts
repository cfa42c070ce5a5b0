/** Usage of one command, in Vietnamese then English. */
export interface CommandHelp {
  readonly usage: string;
  readonly vi: string;
  readonly en: string;
  readonly options?: readonly { readonly flag: string; readonly vi: string; readonly en: string }[];
}

/** Formats a command's help text (Vietnamese first, English second). */
export function formatHelp(help: CommandHelp): string {
  const options = help.options ?? [];
  const width = Math.max(0, ...options.map((o) => o.flag.length));
  const list = (lang: 'vi' | 'en') => options.map((o) => `  ${o.flag.padEnd(width)}  ${o[lang]}`).join('\n');
  return [
    `Cách dùng / Usage: tcxd ${help.usage}`,
    '',
    help.vi,
    ...(options.length ? ['', 'Tùy chọn:', list('vi')] : []),
    '',
    help.en,
    ...(options.length ? ['', 'Options:', list('en')] : []),
    '',
  ].join('\n');
}

/** Whether the arguments ask for help. */
export function wantsHelp(args: readonly string[]): boolean {
  return args.includes('--help') || args.includes('-h');
}
