import type { Config } from '../config.ts';
import { verifyAuditChain } from '../platform/audit.ts';
import type { CommandHelp } from './help.ts';
import { withDatabase } from './open-database.ts';
import { progressBar } from './progress.ts';

export const auditHelp: CommandHelp = {
  usage: 'audit verify',
  vi: 'Kiểm tra chuỗi băm của nhật ký thao tác; báo dòng đầu tiên bị sai. Thoát với mã 1 nếu chuỗi bị phá vỡ.',
  en: 'Verify the hash chain of the audit log; reports the first broken row. Exits 1 when the chain is broken.',
};

/** tcxd audit verify: exit code 0 when the chain is intact, 1 when it is broken. */
export async function auditVerify(config: Config): Promise<number> {
  return withDatabase(config, async ({ db }) => {
    const bar = progressBar('Kiểm tra / Verifying');
    const result = await verifyAuditChain(db, (done, total) => bar.update(done, total));
    bar.done();
    if (result.ok) {
      console.log(`Chuỗi nhật ký nguyên vẹn / Audit chain intact: ${result.checked} dòng / rows`);
      return 0;
    }
    console.log(`Chuỗi nhật ký bị phá vỡ tại dòng / Audit chain broken at seq ${result.brokenAtSeq}: ${result.reason} (đã kiểm / checked ${result.checked})`);
    return 1;
  });
}
