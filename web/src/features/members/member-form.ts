import { type MemberFields, memberFields, memberOpening, type MemberView, type Sex } from '@tcxd/contract';
import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import { toIsoDate } from '../../app/format.ts';
import type { UnitChoice } from '../units/unit-choice.ts';

export type PoliticalTheory = NonNullable<MemberFields['politicalTheory']>;
export type MemberOpening = z.infer<typeof memberOpening>;

/** The free-text fields of the phiếu đảng viên, in the order of the form. */
export const memberTextFields = [
  'fullName',
  'otherNames',
  'birthPlace',
  'homeTown',
  'residence',
  'ethnicity',
  'religion',
  'citizenId',
  'educationGeneral',
  'educationProfessional',
  'occupation',
  'cardNumber',
  'historyNumber',
  'positions',
  'awards',
  'disciplineNote',
] as const;
type TextField = (typeof memberTextFields)[number];
export type MemberFieldName = keyof MemberFields;

/** The record part of the member form, as the inputs hold it. */
export type MemberFormValues = { readonly [K in TextField]?: string | null } & {
  readonly sex?: Sex | null;
  readonly birthDate?: Dayjs | null;
  readonly politicalTheory?: PoliticalTheory | null;
};

/** A problem the contract's schema found, with the form field it belongs to. */
export interface FormIssue {
  readonly name: readonly (string | number)[];
  readonly message: string;
}

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly FormIssue[] };

/** Parses raw form data with a contract schema; issues name the form fields (prefixed). */
export function checkWith<S extends z.ZodType>(schema: S, raw: unknown, prefix: readonly string[] = []): Checked<z.infer<S>> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((i) => ({ name: [...prefix, ...i.path.filter((p) => typeof p !== 'symbol')], message: i.message })),
  };
}

const isoOrEmpty = (value: Dayjs | null | undefined) => (value ? toIsoDate(value) : '');
const isoOrNull = (value: Dayjs | null | undefined) => (value ? toIsoDate(value) : null);

/** The text as the contract takes it: trimmed, and null when empty (optional fields). */
function textOrNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** The form's record values in the shape the contract's memberFields parses. */
export function rawFieldsOf(values: MemberFormValues): Record<MemberFieldName, unknown> {
  return {
    fullName: values.fullName?.trim() ?? '',
    otherNames: textOrNull(values.otherNames),
    sex: values.sex ?? undefined,
    birthDate: isoOrEmpty(values.birthDate),
    birthPlace: textOrNull(values.birthPlace),
    homeTown: textOrNull(values.homeTown),
    residence: textOrNull(values.residence),
    ethnicity: values.ethnicity?.trim() ?? '',
    religion: textOrNull(values.religion),
    citizenId: textOrNull(values.citizenId),
    educationGeneral: textOrNull(values.educationGeneral),
    educationProfessional: textOrNull(values.educationProfessional),
    politicalTheory: values.politicalTheory ?? null,
    occupation: textOrNull(values.occupation),
    cardNumber: textOrNull(values.cardNumber),
    historyNumber: textOrNull(values.historyNumber),
    positions: textOrNull(values.positions),
    awards: textOrNull(values.awards),
    disciplineNote: textOrNull(values.disciplineNote),
  };
}

/** The record fields checked by the contract (the same rules and messages as the server). */
export function checkMemberFields(values: MemberFormValues): Checked<MemberFields> {
  return checkWith(memberFields, rawFieldsOf(values));
}

/** The message of the contract's rule for one field, or null when the value passes. */
export function memberFieldError(name: MemberFieldName, values: MemberFormValues): string | null {
  const parsed = memberFields.shape[name].safeParse(rawFieldsOf(values)[name]);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? null);
}

/** The form values of a stored record (for editing). */
export function formValuesOf(fields: MemberView['fields']): MemberFormValues {
  return { ...fields, birthDate: dayjs(fields.birthDate) };
}

/** How the record enters the registry, as the form holds it. */
export interface OpeningFormValues {
  readonly kind: MemberOpening['kind'];
  readonly date?: Dayjs | null;
  readonly cell?: UnitChoice | null;
  readonly resolutionDate?: Dayjs | null;
  readonly documentNumber?: string | null;
  readonly note?: string | null;
  readonly admittedOn?: Dayjs | null;
  readonly fullMemberSince?: Dayjs | null;
}

/** The opening checked by the contract: a new admission (kết nạp) or a record of a serving member. */
export function checkOpening(values: OpeningFormValues): Checked<MemberOpening> {
  const base = { date: isoOrEmpty(values.date), cellId: values.cell?.value ?? '', note: textOrNull(values.note) };
  const documentNumber = textOrNull(values.documentNumber);
  const raw =
    values.kind === 'admitted'
      ? { ...base, kind: 'admitted', documentNumber: documentNumber ?? '', ...(values.resolutionDate ? { resolutionDate: toIsoDate(values.resolutionDate) } : {}) }
      : {
          ...base,
          kind: 'record_opened',
          admittedOn: isoOrEmpty(values.admittedOn),
          fullMemberSince: isoOrNull(values.fullMemberSince),
          ...(documentNumber ? { documentNumber } : {}),
        };
  const checked = checkWith(memberOpening, raw, ['opening']);
  if (checked.ok) return checked;
  // The form picks a unit (cell) where the contract takes its id (cellId).
  return { ok: false, issues: checked.issues.map((i) => ({ ...i, name: i.name.map((n) => (n === 'cellId' ? 'cell' : n)) })) };
}

/**
 * The form field a server issue belongs to ('body.fields.cardNumber' → ['cardNumber'],
 * 'body.opening.cellId' → ['opening', 'cell']), or null when no field matches.
 */
export function formNameOfIssue(path: string): readonly string[] | null {
  const parts = path.split('.').filter((p) => p !== 'body');
  const field = parts.at(-1);
  if (!field || field === 'opening' || field === 'fields') return null;
  const formField = field === 'cellId' ? 'cell' : field;
  if (parts.includes('opening')) return ['opening', formField];
  return field in memberFields.shape ? [field] : null;
}

/** Server issues split into errors shown beside their form fields and the rest (shown above the form). */
export function splitIssues(issues: readonly { readonly path: string; readonly message: string }[]): {
  readonly fields: readonly FormIssue[];
  readonly others: readonly string[];
} {
  const fields: FormIssue[] = [];
  const others: string[] = [];
  for (const issue of issues) {
    const name = formNameOfIssue(issue.path);
    if (name) fields.push({ name, message: issue.message });
    else others.push(issue.message);
  }
  return { fields, others };
}

/** The lines of the banner over a refused form: the server's sentence and every issue no field shows (none when fields show them all). */
export function bannerLines(message: string, others: readonly string[], fieldCount: number): readonly string[] {
  if (others.length === 0 && fieldCount > 0) return [];
  return [message, ...others.filter((o) => o !== message)];
}
