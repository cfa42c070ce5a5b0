import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** A JSON value stored in a jsonb column. */
export type Json = ColumnType<unknown, string, string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/**
 * Organisation unit: identity plus its latest state. `path` is the unit's place in the
 * latest structure (ltree of ids); merged or dissolved units sit under their successor,
 * so scope checks and "today's structure" roll-ups are one ltree test.
 */
export interface OrgUnitTable {
  id: string;
  code: string;
  name: string;
  kind: string;
  parent_id: string | null;
  path: string;
  valid_from: string;
  valid_to: string | null;
  search_text: string;
  successor_id: Generated<string | null>;
  contact_phone: Generated<string | null>;
  contact_email: Generated<string | null>;
  contact_address: Generated<string | null>;
  created_at: GeneratedTimestamp;
}

export interface OrgChangeTable {
  id: string;
  type: string;
  effective_date: string;
  document_number: string;
  note: string | null;
  operation: Json;
  actor_id: string | null;
  created_at: GeneratedTimestamp;
}

export interface OrgUnitVersionTable {
  id: string;
  unit_id: string;
  name: string;
  kind: string;
  parent_id: string | null;
  valid_from: string;
  valid_to: string | null;
  change_id: string | null;
}

export interface OrgUnitEventTable {
  id: string;
  change_id: string;
  unit_id: string;
  event: string;
  effective_date: string;
  related_unit_ids: Generated<string[]>;
  detail: Json;
}

export interface AppUserTable {
  id: string;
  username: string;
  full_name: string;
  email: string | null;
  locale: string;
  password_hash: string;
  must_change_password: Generated<boolean>;
  disabled_at: Timestamp | null;
  failed_login_count: Generated<number>;
  locked_until: Timestamp | null;
  last_login_at: Timestamp | null;
  password_changed_at: Timestamp;
  created_at: GeneratedTimestamp;
}

export interface UserGrantTable {
  id: string;
  user_id: string;
  role: string;
  unit_id: string;
  created_at: GeneratedTimestamp;
}

export interface UserSessionTable {
  /** sha-256 of the cookie token: a leaked table does not give sessions away. */
  id: string;
  user_id: string;
  csrf_token: string;
  active_grant_id: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  ip: string;
  username: string;
  success: boolean;
  at: Timestamp;
}

export interface AuditLogTable {
  seq: Generated<number>;
  id: string;
  at: Timestamp;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  unit_id: string | null;
  before: Json | null;
  after: Json | null;
  request_id: string | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

export interface EmulationGroupTable {
  id: string;
  kind: string;
  name: string;
  year: number;
  note: string | null;
  created_at: GeneratedTimestamp;
}

export interface EmulationGroupMemberTable {
  group_id: string;
  unit_id: string;
  role: string;
}

export interface PartyMemberTable {
  id: string;
  full_name: string;
  other_names: string | null;
  sex: string;
  birth_date: string;
  birth_place: string | null;
  home_town: string | null;
  residence: string | null;
  ethnicity: string;
  religion: string | null;
  citizen_id: string | null;
  education_general: string | null;
  education_professional: string | null;
  political_theory: string | null;
  occupation: string | null;
  card_number: string | null;
  history_number: string | null;
  positions: string | null;
  awards: string | null;
  discipline_note: string | null;
  admission_date: string;
  admission_cell_id: string | null;
  full_member_date: string | null;
  status: string;
  cell_id: string | null;
  home_cell_id: string;
  transit_to_cell_id: string | null;
  temporary_cell_id: string | null;
  exempted: Generated<boolean>;
  probation_ends_on: string | null;
  recognition_due_on: string | null;
  transit_since: string | null;
  search_text: string;
  sort_key: string;
  row_version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface PartyMemberEventTable {
  id: string;
  member_id: string;
  seq: number;
  kind: string;
  effective_date: string;
  cell_id: string | null;
  from_cell_id: string | null;
  destination: string | null;
  document_number: string | null;
  detail: Json;
  note: string | null;
  entered_by: string | null;
  entered_at: GeneratedTimestamp;
}

export interface PartyMemberPeriodTable {
  member_id: string;
  cell_id: string;
  status: string;
  valid_from: string;
  valid_to: string | null;
}

export interface MemberTallyTable {
  top_label: string;
  status: string;
  sex: string;
  birth_year: number;
  n: number;
}

/** Lifecycle events per kind and effective date (migration 0011), for whole-country period figures. */
export interface MemberEventTallyTable {
  kind: string;
  effective_date: string;
  n: number;
}

/** One distinct word of a member's accent-free name, in name order within the word (migration 0014), for the national name search. */
export interface MemberSearchWordTable {
  word: string;
  sort_key: string;
  member_id: string;
  search_text: string;
  status: string;
}

export interface MemberImportJobTable {
  id: string;
  status: string;
  phase: string;
  dry_run: boolean;
  file_name: string;
  format: string;
  rows_read: Generated<number>;
  result: Json | null;
  failure: string | null;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  report: ColumnType<Buffer | null, Buffer | null | undefined, Buffer | null>;
  finished_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface MemberTallyAttrTable {
  top_label: string;
  status: string;
  attribute: string;
  value: string;
  n: number;
}

/** An election (or confidence vote) of a unit's congress or conference, with its setup and, once finalised, the tally. */
export interface ElectionTable {
  id: string;
  unit_id: string;
  kind: Generated<string>;
  title: string;
  body: string;
  held_on: string;
  round: Generated<number>;
  previous_id: string | null;
  seats: number;
  convened: number;
  voters_present: number;
  tie_policy: string;
  head_user_id: string;
  rules_version: string;
  issued: number | null;
  returned: number | null;
  not_returned: number | null;
  status: Generated<string>;
  final_tally: Json | null;
  chain_head: string | null;
  finalised_at: Timestamp | null;
  finalised_by: string | null;
  created_at: GeneratedTimestamp;
}

export interface ElectionCandidateTable {
  election_id: string;
  position: number;
  full_name: string;
  member_id: string | null;
  source: string;
}

export interface ElectionNominationTable {
  election_id: string;
  seq: number;
  full_name: string;
  agreeing: number;
  present: number;
  admitted: boolean;
}

export interface ElectionExclusionTable {
  election_id: string;
  seq: number;
  kind: string;
  person: string;
  reason: string;
}

export interface ElectionCommitteeMemberTable {
  election_id: string;
  seq: number;
  full_name: string;
  member_id: string | null;
  role: string;
}

export interface ElectionOperatorTable {
  election_id: string;
  user_id: string;
}

/** One keyed ballot (or a committee head's resolution): append-only, hash-chained per election. */
export interface ElectionBallotEntryTable {
  election_id: string;
  seq: number;
  id: string;
  ballot_number: number;
  kind: string;
  operator_id: string;
  ballot: Json;
  marks: string;
  note: string | null;
  at: Timestamp;
  prev_hash: string;
  hash: string;
}

/** A report template (biểu mẫu) of a managing unit, assigned to units below it. */
export interface ReportTemplateTable {
  id: string;
  owner_unit_id: string;
  code: string;
  name: string;
  frequency: string;
  assignment: Json;
  created_at: GeneratedTimestamp;
}

export interface ReportTemplateVersionTable {
  id: string;
  template_id: string;
  version: number;
  valid_from: string;
  definition: Json;
  created_at: GeneratedTimestamp;
}

export interface ReportPeriodTable {
  id: string;
  template_id: string;
  template_version_id: string;
  kind: string;
  label: string;
  starts_on: string;
  ends_on: string;
  opens_on: string;
  due_on: string;
  locks_on: string;
  created_at: GeneratedTimestamp;
}

export interface ReportUnlockTable {
  period_id: string;
  unit_id: string;
  until: string;
  reason: string;
  granted_by: string | null;
  granted_at: GeneratedTimestamp;
}

/** A unit's report for a period: its current state; every sent version is in report_submission_version. */
export interface ReportSubmissionTable {
  id: string;
  period_id: string;
  unit_id: string;
  status: string;
  version: Generated<number>;
  values: Json;
  narrative: Json;
  first_submitted_at: Timestamp | null;
  submitted_at: Timestamp | null;
  returned_comment: string | null;
  accepted_at: Timestamp | null;
  updated_by: string | null;
  updated_at: GeneratedTimestamp;
  created_at: GeneratedTimestamp;
}

export interface ReportSubmissionVersionTable {
  submission_id: string;
  seq: number;
  event: string;
  values: Json;
  narrative: Json;
  comment: string | null;
  actor_id: string | null;
  actor_name: string;
  at: GeneratedTimestamp;
}

export interface ReportAttachmentTable {
  id: string;
  submission_id: string;
  file_name: string;
  content_type: string;
  size: number;
  content: Buffer;
  uploaded_by: string | null;
  uploaded_at: GeneratedTimestamp;
  deleted_at: Timestamp | null;
}

export interface ReportReminderTable {
  id: string;
  period_id: string;
  unit_id: string;
  kind: string;
  notified: Generated<number>;
  emailed: Generated<number>;
  sent_by: string | null;
  sent_at: GeneratedTimestamp;
}

/** An in-app notification for one user. */
export interface NotificationTable {
  id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  created_at: GeneratedTimestamp;
  read_at: Timestamp | null;
}

export interface PartyDocumentTable {
  id: string;
  owner_unit_id: string;
  number_text: string;
  number: number;
  doc_type: string;
  issuer: string;
  issued_on: string;
  subject: string;
  summary: string | null;
  search_text: string;
  created_at: GeneratedTimestamp;
}

export interface PartyDocumentRelationTable {
  from_id: string;
  to_id: string;
  kind: string;
  created_at: GeneratedTimestamp;
}

export interface DocumentDisseminationTable {
  id: string;
  document_id: string;
  from_unit_id: string;
  as_of: string;
  created_at: GeneratedTimestamp;
}

export interface DisseminationUnitTable {
  dissemination_id: string;
  unit_id: string;
  disseminated_on: string | null;
  implementing_number: string | null;
}

export interface WorkTaskTable {
  id: string;
  parent_id: string | null;
  owner_unit_id: string;
  title: string;
  description: string | null;
  source_kind: string;
  source_document_id: string | null;
  source_conclusion_id: string | null;
  lead_unit_id: string;
  lead_person: string | null;
  starts_on: string | null;
  due_on: string;
  status: string;
  progress: number;
  completed_on: string | null;
  search_text: string;
  created_at: GeneratedTimestamp;
}

export interface WorkTaskCoordinatorTable {
  task_id: string;
  unit_id: string;
}

export interface WorkTaskAssignmentTable {
  task_id: string;
  unit_id: string;
  status: string;
  progress: number;
  completed_on: string | null;
}

export interface WorkAttachmentTable {
  id: string;
  document_id: string | null;
  task_update_id: string | null;
  unit_id: string;
  file_name: string;
  content_type: string;
  size: number;
  content: Buffer;
  uploaded_by: string | null;
  uploaded_at: GeneratedTimestamp;
}

export interface WorkTaskUpdateTable {
  id: string;
  task_id: string;
  unit_id: string | null;
  kind: string;
  status: string | null;
  progress: number | null;
  note: string | null;
  author_id: string | null;
  created_at: GeneratedTimestamp;
}

export interface ConferenceTable {
  id: string;
  host_unit_id: string;
  kind: string;
  title: string;
  starts_at: Timestamp;
  host_point: string;
  mode: string;
  video_link: string | null;
  report_period_id: string | null;
  confirm_by: string | null;
  chair_name: string | null;
  chair_title: string | null;
  conclusion_summary: string | null;
  created_at: GeneratedTimestamp;
}

export interface ConferencePointTable {
  conference_id: string;
  unit_id: string;
  chair: string | null;
  attendees: number | null;
  contact: string | null;
  invited_at: Timestamp | null;
  confirmed_at: Timestamp | null;
  connected_at: Timestamp | null;
}

export interface ConferenceAgendaItemTable {
  id: string;
  conference_id: string;
  position: number;
  kind: string;
  title: string;
  document_id: string | null;
  unit_id: string | null;
  speaker: string | null;
}

export interface ConferenceConclusionTable {
  id: string;
  conference_id: string;
  position: number;
  text: string;
  lead_unit_id: string;
  due_on: string;
  task_id: string | null;
}

/** A confidence vote (lấy phiếu tín nhiệm) of a unit, with its setup and, once finalised, the tally. */
export interface ConfidenceVoteTable {
  id: string;
  unit_id: string;
  title: string;
  held_on: string;
  convened: number;
  present: number;
  head_user_id: string;
  rules_version: string;
  issued: number | null;
  returned: number | null;
  not_returned: number | null;
  status: Generated<string>;
  final_tally: Json | null;
  chain_head: string | null;
  finalised_at: Timestamp | null;
  finalised_by: string | null;
  created_at: GeneratedTimestamp;
}

export interface ConfidencePersonTable {
  vote_id: string;
  position: number;
  full_name: string;
  post: string;
}

export interface ConfidenceCommitteeMemberTable {
  vote_id: string;
  seq: number;
  full_name: string;
  role: string;
}

export interface ConfidenceOperatorTable {
  vote_id: string;
  user_id: string;
}

/** One keyed confidence ballot (or a committee head's resolution): append-only, hash-chained per vote. */
export interface ConfidenceBallotEntryTable {
  vote_id: string;
  seq: number;
  id: string;
  ballot_number: number;
  kind: string;
  operator_id: string;
  ballot: Json;
  note: string | null;
  at: Timestamp;
  prev_hash: string;
  hash: string;
}

export interface DB {
  party_document: PartyDocumentTable;
  party_document_relation: PartyDocumentRelationTable;
  document_dissemination: DocumentDisseminationTable;
  dissemination_unit: DisseminationUnitTable;
  work_task: WorkTaskTable;
  work_task_coordinator: WorkTaskCoordinatorTable;
  work_task_assignment: WorkTaskAssignmentTable;
  work_task_update: WorkTaskUpdateTable;
  work_attachment: WorkAttachmentTable;
  conference: ConferenceTable;
  conference_point: ConferencePointTable;
  conference_agenda_item: ConferenceAgendaItemTable;
  conference_conclusion: ConferenceConclusionTable;
  report_template: ReportTemplateTable;
  report_template_version: ReportTemplateVersionTable;
  report_period: ReportPeriodTable;
  report_unlock: ReportUnlockTable;
  report_submission: ReportSubmissionTable;
  report_submission_version: ReportSubmissionVersionTable;
  report_attachment: ReportAttachmentTable;
  report_reminder: ReportReminderTable;
  notification: NotificationTable;
  election: ElectionTable;
  election_candidate: ElectionCandidateTable;
  election_nomination: ElectionNominationTable;
  election_exclusion: ElectionExclusionTable;
  election_committee_member: ElectionCommitteeMemberTable;
  election_operator: ElectionOperatorTable;
  election_ballot_entry: ElectionBallotEntryTable;
  confidence_vote: ConfidenceVoteTable;
  confidence_person: ConfidencePersonTable;
  confidence_committee_member: ConfidenceCommitteeMemberTable;
  confidence_operator: ConfidenceOperatorTable;
  confidence_ballot_entry: ConfidenceBallotEntryTable;
  member_tally_attr: MemberTallyAttrTable;
  member_import_job: MemberImportJobTable;
  party_member: PartyMemberTable;
  party_member_event: PartyMemberEventTable;
  party_member_period: PartyMemberPeriodTable;
  member_tally: MemberTallyTable;
  member_event_tally: MemberEventTallyTable;
  member_search_word: MemberSearchWordTable;
  emulation_group: EmulationGroupTable;
  emulation_group_member: EmulationGroupMemberTable;
  org_unit: OrgUnitTable;
  org_change: OrgChangeTable;
  org_unit_version: OrgUnitVersionTable;
  org_unit_event: OrgUnitEventTable;
  app_user: AppUserTable;
  user_grant: UserGrantTable;
  user_session: UserSessionTable;
  login_attempt: LoginAttemptTable;
  audit_log: AuditLogTable;
}

export type OrgUnitRow = Selectable<OrgUnitTable>;
export type AppUserRow = Selectable<AppUserTable>;
export type NewAppUser = Insertable<AppUserTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
