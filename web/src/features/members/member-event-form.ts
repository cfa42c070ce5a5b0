import { type MemberEventInput, memberEventInput, type MemberEventKind } from '@tcxd/contract';
import type { Dayjs } from 'dayjs';
import { toIsoDate } from '../../app/format.ts';
import type { UnitChoice } from '../units/unit-choice.ts';
import { type Checked, checkWith } from './member-form.ts';

export type RecordableEvent = MemberEventInput['kind'];
export type DisciplineForm = Extract<MemberEventInput, { kind: 'discipline' }>['form'];
export const disciplineForms: readonly DisciplineForm[] = ['reprimand', 'warning', 'dismissal'];

/** The events a clerk records on a member's page, in the order the menu offers them. */
export const recordableEvents: readonly RecordableEvent[] = [
  'recognised',
  'recognition_postponed',
  'not_recognised',
  'transfer_out',
  'transfer_in',
  'temporary_transfer_out',
  'temporary_return',
  'exempted',
  'exemption_ended',
  'discipline',
  'removed',
  'expelled',
  'died',
];

/** Events that end or gravely change a membership (shown in red, confirmed with a red button). */
export const graveEvents: readonly RecordableEvent[] = ['not_recognised', 'removed', 'expelled', 'died'];

/** The allowed events the page may offer (the opening events belong to the new-member form). */
export function offeredEvents(allowed: readonly MemberEventKind[]): RecordableEvent[] {
  return recordableEvents.filter((kind) => allowed.includes(kind));
}

/** Which extra fields a kind of event asks for. */
export type EventExtra = 'fullMemberSince' | 'newDueDate' | 'transferTarget' | 'arrivalCell' | 'host' | 'reason' | 'disciplineForm';

const extras: Readonly<Record<RecordableEvent, EventExtra | null>> = {
  recognised: 'fullMemberSince',
  recognition_postponed: 'newDueDate',
  not_recognised: null,
  transfer_out: 'transferTarget',
  transfer_in: 'arrivalCell',
  temporary_transfer_out: 'host',
  temporary_return: null,
  exempted: 'reason',
  exemption_ended: null,
  discipline: 'disciplineForm',
  removed: null,
  expelled: null,
  died: null,
};

/** The extra field of an event kind (null: date, document and note only). */
export function eventExtra(kind: RecordableEvent): EventExtra | null {
  return extras[kind];
}

/** The event dialog's values, as the inputs hold them. */
export interface EventFormValues {
  readonly date?: Dayjs | null;
  readonly documentNumber?: string | null;
  readonly note?: string | null;
  readonly fullMemberSince?: Dayjs | null;
  readonly newDueDate?: Dayjs | null;
  /** Transfers: to a cell of the registry or to a party organisation outside it. */
  readonly targetKind?: 'cell' | 'outside';
  readonly cell?: UnitChoice | null;
  readonly destination?: string | null;
  readonly reason?: string | null;
  readonly form?: DisciplineForm | null;
}

const iso = (value: Dayjs | null | undefined) => (value ? toIsoDate(value) : undefined);
const trimmed = (value: string | null | undefined) => {
  const text = value?.trim() ?? '';
  return text === '' ? undefined : text;
};

function targetOf(values: EventFormValues) {
  return values.targetKind === 'outside' ? { kind: 'outside', destination: values.destination?.trim() ?? '' } : { kind: 'cell', cellId: values.cell?.value ?? '' };
}

/** The form field of each contract path of an event (for showing issues beside the inputs). */
function formNameOf(path: readonly (string | number)[]): (string | number)[] {
  const last = path.at(-1);
  if (last === 'cellId') return ['cell'];
  if (last === 'destination') return ['destination'];
  if (last === 'form') return ['form'];
  return [...path];
}

/** The event checked by the contract's schema, from the dialog's values. */
export function checkEvent(kind: RecordableEvent, values: EventFormValues): Checked<MemberEventInput> {
  const raw = {
    kind,
    date: iso(values.date) ?? '',
    documentNumber: trimmed(values.documentNumber),
    note: trimmed(values.note) ?? null,
    ...(kind === 'recognised' && values.fullMemberSince ? { fullMemberSince: iso(values.fullMemberSince) } : {}),
    ...(kind === 'recognition_postponed' ? { newDueDate: iso(values.newDueDate) ?? '' } : {}),
    ...(kind === 'transfer_out' ? { to: targetOf(values) } : {}),
    ...(kind === 'temporary_transfer_out' ? { host: targetOf(values) } : {}),
    ...(kind === 'transfer_in' ? { cellId: values.cell?.value ?? '' } : {}),
    ...(kind === 'exempted' ? { reason: trimmed(values.reason) ?? null } : {}),
    ...(kind === 'discipline' ? { form: values.form ?? undefined } : {}),
  };
  const checked = checkWith(memberEventInput, raw);
  return checked.ok ? checked : { ok: false, issues: checked.issues.map((i) => ({ ...i, name: formNameOf(i.name) })) };
}

/** Whether the date lies before the latest recorded event (the server asks to confirm back-dating). */
export function isBackdated(date: Dayjs | null | undefined, events: readonly { readonly date: string }[]): boolean {
  if (!date) return false;
  const latest = events.reduce<string | null>((max, e) => (max === null || e.date > max ? e.date : max), null);
  return latest !== null && toIsoDate(date) < latest;
}

const eventFormFields: ReadonlySet<string> = new Set(['date', 'documentNumber', 'note', 'fullMemberSince', 'newDueDate', 'destination', 'reason', 'form']);

/** The dialog field of a server issue ('body.event.to.cellId' → ['cell']), or null when none matches. */
export function eventFieldOfIssue(path: string): readonly string[] | null {
  const parts = path.split('.');
  if (!parts.includes('event')) return null;
  const last = parts.at(-1) ?? '';
  if (last === 'cellId') return ['cell'];
  return eventFormFields.has(last) ? [last] : null;
}
