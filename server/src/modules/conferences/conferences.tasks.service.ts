import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Context } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { vnDateOf } from '../reports/reports.presenter.ts';
import { insertTask } from '../tasks/tasks.service.ts';
import { managedConference } from './conferences.service.ts';

/**
 * Turns every conclusion item not yet a task into a task of the host unit (lead unit and due
 * date from the item, source "conclusion"), all in one transaction with its audit: either
 * every item becomes a task or none does.
 */
export async function conclusionsToTasks(db: Kysely<DB>, ctx: Context, id: string): Promise<{ created: number; taskIds: string[] }> {
  return db.transaction().execute(async (trx) => {
    const conference = await managedConference(trx, ctx, id);
    const items = await trx.selectFrom('conference_conclusion').select(['id', 'text', 'lead_unit_id', 'due_on']).where('conference_id', '=', id).where('task_id', 'is', null).orderBy('position').execute();
    if (items.length === 0) throw new AppError('refused', { params: { reason: 'Không còn nội dung kết luận nào chưa giao thành nhiệm vụ' } });
    const heldOn = vnDateOf(conference.starts_at);
    const taskIds: string[] = [];
    for (const item of items) {
      const taskId = await insertTask(
        trx,
        ctx,
        {
          ownerUnitId: conference.host_unit_id,
          parentId: null,
          title: item.text.length > 500 ? `${item.text.slice(0, 497)}...` : item.text,
          description: `Theo kết luận tại ${conference.title} (${heldOn.split('-').reverse().join('/')}): ${item.text}`,
          sourceDocumentId: null,
          leadUnitId: item.lead_unit_id,
          leadPerson: null,
          coordinatingUnitIds: [],
          assignedUnitIds: [],
          startsOn: heldOn <= item.due_on ? heldOn : null,
          dueOn: item.due_on,
        },
        { kind: 'conclusion', conclusionId: item.id },
      );
      await trx.updateTable('conference_conclusion').set({ task_id: taskId }).where('id', '=', item.id).execute();
      taskIds.push(taskId);
    }
    await recordAudit(trx, ctx, { action: 'conference.conclusions_to_tasks', entityType: 'conference', entityId: id, unitId: conference.host_unit_id, after: { taskIds } });
    return { created: taskIds.length, taskIds };
  });
}
