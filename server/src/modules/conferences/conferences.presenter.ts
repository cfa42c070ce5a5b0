import { type AgendaItem, agendaItemKind, type ConclusionItem, conferenceKind, conferenceMode, type ConferencePoint, type ConferenceSummary } from '@tcxd/contract';
import { isoTime } from '../reports/reports.presenter.ts';
import type * as repo from './conferences.repository.ts';

type PointRow = Awaited<ReturnType<typeof repo.pointsOf>>[number];
type AgendaRow = Awaited<ReturnType<typeof repo.agendaOf>>[number];
type ConclusionRow = Awaited<ReturnType<typeof repo.conclusionsOf>>[number];

/** A conference row as the list shows it. */
export function presentSummary(row: repo.ConferenceRow): ConferenceSummary {
  return {
    id: row.id,
    kind: conferenceKind.parse(row.kind),
    title: row.title,
    startsAt: isoTime(row.starts_at) ?? '',
    hostUnitId: row.host_unit_id,
    hostUnitName: row.host_name,
    hostPoint: row.host_point,
    mode: conferenceMode.parse(row.mode),
    points: row.points ?? 0,
    connected: row.connected ?? 0,
  };
}

/** A connection point with its invitation, confirmation and check-in times. */
export function presentPoint(row: PointRow): ConferencePoint {
  return {
    unitId: row.unit_id,
    unitCode: row.code,
    unitName: row.name,
    chair: row.chair,
    attendees: row.attendees,
    contact: row.contact,
    invitedAt: isoTime(row.invited_at),
    confirmedAt: isoTime(row.confirmed_at),
    connectedAt: isoTime(row.connected_at),
  };
}

/** An agenda item with the document number and unit name it refers to. */
export function presentAgendaItem(row: AgendaRow): AgendaItem {
  return {
    id: row.id,
    kind: agendaItemKind.parse(row.kind),
    title: row.title,
    documentId: row.document_id,
    documentNumber: row.number_text,
    documentSubject: row.subject,
    unitId: row.unit_id,
    unitName: row.unit_name,
    speaker: row.speaker,
  };
}

/** A conclusion item and the task made of it, if any. */
export function presentConclusion(row: ConclusionRow): ConclusionItem {
  return { id: row.id, text: row.text, leadUnitId: row.lead_unit_id, leadUnitName: row.lead_unit_name, dueOn: row.due_on, taskId: row.task_id };
}
