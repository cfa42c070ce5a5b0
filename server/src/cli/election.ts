import type { Config } from '../config.ts';
import { isConfidenceVote, verifyConfidenceVote } from '../modules/confidence/confidence.verify.ts';
import { verifyElection } from '../modules/elections/elections.verify.ts';
import { StartupError } from '../platform/startup-error.ts';
import type { CommandHelp } from './help.ts';
import { withDatabase } from './open-database.ts';

export const electionHelp: CommandHelp = {
  usage: 'election verify <electionId>',
  vi: 'Tính lại chuỗi băm các lượt nhập phiếu của một cuộc bầu cử (hoặc đợt lấy phiếu tín nhiệm) và kết quả kiểm phiếu, so với kết quả đã chốt. Thoát với mã 1 nếu có sai khác.',
  en: 'Recompute the hash chain of an election’s (or confidence vote’s) ballot entries and its tally, and compare them with the finalised results. Exits 1 when anything differs.',
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** tcxd election verify <electionId>: exit code 0 when chain and tally match, 1 otherwise. */
export async function electionCommand(config: Config, args: readonly string[]): Promise<number> {
  const [sub, id] = args;
  if (sub !== 'verify' || id === undefined || !uuidPattern.test(id)) {
    throw new StartupError('Dùng: tcxd election verify <mã cuộc bầu cử>', 'Usage: tcxd election verify <electionId>');
  }
  return withDatabase(config, async ({ db }) => {
    // One command for both counts: a confidence vote's id is verified the same way.
    const result = (await isConfidenceVote(db, id)) ? await verifyConfidenceVote(db, id) : await verifyElection(db, id);
    if (result.ok) {
      console.log(`Khớp / Verified: ${result.entries} lượt nhập / entries, đầu chuỗi / chain head ${result.chainHead ?? '-'}${result.finalised ? '' : ' (chưa chốt / not finalised)'}`);
      return 0;
    }
    for (const problem of result.problems) console.log(problem);
    return 1;
  });
}
