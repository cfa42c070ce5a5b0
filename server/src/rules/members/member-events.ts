/**
 * The vocabulary of a member's history: the events a clerk records and the state
 * derived from them. A member's state at any date is a replay of the events up to
 * that date, so the history is the only source of truth.
 */

import type { IsoDate } from './dates.ts';

/** Id of a party cell (chi bộ) as the registry knows it. */
export type CellId = string;

/** Where a member goes: a cell known to the system, or a party organisation outside it. */
export type TransferTarget =
  | { readonly kind: 'cell'; readonly cellId: CellId }
  | { readonly kind: 'outside'; readonly destination: string };

/** Disciplinary forms that leave the member on the rolls (khai trừ is the 'expelled' event). */
export type DisciplineForm = 'reprimand' | 'warning' | 'dismissal';

/**
 * Common to every event. `sequence` orders events of the same date (the order
 * they were recorded); the service may add its own fields (decision, author).
 */
export interface EventBase {
  readonly date: IsoDate;
  readonly sequence: number;
}

/** Kết nạp: the admission ceremony; probation starts. `resolutionDate` is the cell's vote (ages are judged then). */
export interface AdmittedEvent extends EventBase {
  readonly kind: 'admitted';
  readonly cellId: CellId;
  readonly resolutionDate?: IsoDate;
}

/**
 * Opens the history of someone who was already a member when the system first
 * saw them (an imported register, or arrival from a party organisation outside
 * the system): admission and full-membership dates are facts, not events here.
 */
export interface RecordOpenedEvent extends EventBase {
  readonly kind: 'record_opened';
  readonly cellId: CellId;
  readonly admittedOn: IsoDate;
  readonly fullMemberSince: IsoDate | null;
}

/** Công nhận đảng viên chính thức; `fullMemberSince` defaults to the end of probation. */
export interface RecognisedEvent extends EventBase {
  readonly kind: 'recognised';
  readonly fullMemberSince?: IsoDate;
}

/**
 * The statute has no extension of probation; what happens in practice is that
 * the decision is postponed (the cell could not meet, papers are missing). This
 * records that decision with the new date the recognition is due.
 */
export interface RecognitionPostponedEvent extends EventBase {
  readonly kind: 'recognition_postponed';
  readonly newDueDate: IsoDate;
}

/** Not recognised at the end of probation: the name is removed from the rolls. */
export interface NotRecognisedEvent extends EventBase {
  readonly kind: 'not_recognised';
}

/** Chuyển sinh hoạt đảng chính thức đi: the member leaves the cell with an introduction letter. */
export interface TransferOutEvent extends EventBase {
  readonly kind: 'transfer_out';
  readonly to: TransferTarget;
}

/** Arrival at the new cell, ending the transit (or coming back from outside the system). */
export interface TransferInEvent extends EventBase {
  readonly kind: 'transfer_in';
  readonly cellId: CellId;
}

/** Chuyển sinh hoạt tạm thời: stays counted at the home cell, attends the host. */
export interface TemporaryTransferOutEvent extends EventBase {
  readonly kind: 'temporary_transfer_out';
  readonly host: TransferTarget;
}

export interface TemporaryReturnEvent extends EventBase {
  readonly kind: 'temporary_return';
}

/** Miễn công tác và sinh hoạt đảng (age, health); the reason is kept by the service, not here. */
export interface ExemptedEvent extends EventBase {
  readonly kind: 'exempted';
}

export interface ExemptionEndedEvent extends EventBase {
  readonly kind: 'exemption_ended';
}

/** Xóa tên khỏi danh sách đảng viên. */
export interface RemovedEvent extends EventBase {
  readonly kind: 'removed';
}

/** Khai trừ (the heaviest discipline; full members only). */
export interface ExpelledEvent extends EventBase {
  readonly kind: 'expelled';
}

export interface DiedEvent extends EventBase {
  readonly kind: 'died';
}

/** Khiển trách, cảnh cáo, cách chức: recorded, the status does not change. */
export interface DisciplineEvent extends EventBase {
  readonly kind: 'discipline';
  readonly form: DisciplineForm;
}

export type MemberEvent =
  | AdmittedEvent
  | RecordOpenedEvent
  | RecognisedEvent
  | RecognitionPostponedEvent
  | NotRecognisedEvent
  | TransferOutEvent
  | TransferInEvent
  | TemporaryTransferOutEvent
  | TemporaryReturnEvent
  | ExemptedEvent
  | ExemptionEndedEvent
  | RemovedEvent
  | ExpelledEvent
  | DiedEvent
  | DisciplineEvent;

export type MemberEventKind = MemberEvent['kind'];

/** Every event kind, for forms, filters and exhaustive tests. */
export const MEMBER_EVENT_KINDS: readonly MemberEventKind[] = Object.freeze([
  'admitted',
  'record_opened',
  'recognised',
  'recognition_postponed',
  'not_recognised',
  'transfer_out',
  'transfer_in',
  'temporary_transfer_out',
  'temporary_return',
  'exempted',
  'exemption_ended',
  'removed',
  'expelled',
  'died',
  'discipline',
]);

/**
 * 'in_transit': left one cell for another, not yet arrived (counted nowhere).
 * 'transferred_outside': moved to a party organisation the system does not hold.
 * 'removed' (also after not being recognised), 'expelled' and 'deceased' are final.
 */
export type MemberStatus =
  | 'not_member'
  | 'probationary'
  | 'full'
  | 'in_transit'
  | 'transferred_outside'
  | 'removed'
  | 'expelled'
  | 'deceased';

/** Membership grade, kept while in transit or after leaving so statistics can still tell. */
export type MemberLevel = 'probationary' | 'full';

export type EndReason = 'removed' | 'not_recognised' | 'expelled' | 'died';

export interface DisciplineRecord {
  readonly date: IsoDate;
  readonly form: DisciplineForm;
}

/** A member's situation at a date, derived from the history. */
export interface MemberState {
  readonly status: MemberStatus;
  readonly level: MemberLevel | null;
  /** The one cell the member is counted in; null in transit, outside, or off the rolls. */
  readonly cellId: CellId | null;
  readonly transitFromCellId: CellId | null;
  readonly transitToCellId: CellId | null;
  readonly transitSince: IsoDate | null;
  /** Destination of a transfer out of the system (status 'transferred_outside'). */
  readonly outsideDestination: string | null;
  /** Host of a temporary transfer; the member is not counted there. */
  readonly temporaryAt: TransferTarget | null;
  readonly temporarySince: IsoDate | null;
  readonly exempted: boolean;
  readonly exemptedSince: IsoDate | null;
  readonly admittedOn: IsoDate | null;
  readonly admissionCellId: CellId | null;
  /** Admission + 12 months. */
  readonly probationEndsOn: IsoDate | null;
  /** When the recognition decision is due: the end of probation, or a postponed date. */
  readonly recognitionDueOn: IsoDate | null;
  readonly fullMemberSince: IsoDate | null;
  readonly endedOn: IsoDate | null;
  readonly endReason: EndReason | null;
  readonly disciplines: readonly DisciplineRecord[];
  readonly lastEventDate: IsoDate | null;
}

/** Statuses after which nothing more can be recorded. */
export const FINAL_STATUSES: readonly MemberStatus[] = Object.freeze(['removed', 'expelled', 'deceased']);
