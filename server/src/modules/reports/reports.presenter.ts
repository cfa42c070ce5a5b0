import { type PeriodView, reportFrequency, type TemplateView, templateDefinition, type TemplateVersionView } from '@tcxd/contract';
import { assignmentOf } from './reports.expected.ts';
import type { PeriodRow, TemplateRow, VersionRow } from './reports.repository.ts';

/** A stored template version as the API shows it. */
export function presentVersion(row: Pick<VersionRow, 'id' | 'version' | 'valid_from' | 'definition'>): TemplateVersionView {
  return { id: row.id, version: row.version, validFrom: row.valid_from, definition: templateDefinition.parse(row.definition) };
}

/** A template with its versions. */
export function presentTemplate(row: TemplateRow, versions: readonly VersionRow[], manages: boolean): TemplateView {
  return {
    id: row.id,
    owner: { id: row.owner_unit_id, code: row.owner_code, name: row.owner_name },
    code: row.code,
    name: row.name,
    frequency: reportFrequency.parse(row.frequency),
    assignment: assignmentOf(row.assignment),
    versions: versions.map(presentVersion),
    manages,
  };
}

/** A period with the template version it uses. */
export function presentPeriod(row: PeriodRow, manages: boolean): PeriodView {
  return {
    id: row.id,
    templateId: row.template_id,
    templateName: row.template_name,
    kind: reportFrequency.parse(row.kind),
    label: row.label,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    opensOn: row.opens_on,
    dueOn: row.due_on,
    locksOn: row.locks_on,
    version: presentVersion({ id: row.template_version_id, version: row.version, valid_from: row.version_valid_from, definition: row.definition }),
    manages,
  };
}

/** A timestamp as the API sends it (ISO), or null. */
export function isoTime(value: Date | string | null): string | null {
  if (value === null) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

/** The Việt Nam calendar date of a moment (lateness is judged on it). */
export function vnDateOf(value: Date | string): string {
  const t = (value instanceof Date ? value : new Date(value)).getTime();
  return new Date(t + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** "14:05 ngày 02/12/2026" in Việt Nam time, for messages. */
export function vnTimeText(value: Date | string): string {
  const iso = new Date((value instanceof Date ? value : new Date(value)).getTime() + 7 * 3_600_000).toISOString();
  return `${iso.slice(11, 16)} ngày ${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
