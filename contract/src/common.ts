import { z } from 'zod';

/** ISO calendar date (yyyy-mm-dd); the UI shows it as dd/mm/yyyy. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng yyyy-mm-dd');
export const uuid = z.uuid();
export const idParams = z.object({ id: z.uuid() });
export type IdParams = z.infer<typeof idParams>;

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** A page of results with the total count for the pager. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const okResponse = z.object({ ok: z.literal(true) });
export const locale = z.enum(['vi', 'en']);
export type Locale = z.infer<typeof locale>;

export const limits = {
  usernameMax: 64,
  nameMax: 200,
  passwordMin: 10,
  passwordMax: 200,
} as const;
