/** Page-numbered lists for the console and the JSON API. */
import { z } from 'zod';

export const pageFields = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
};

export interface Page<T> {
  rows: T[];
  total: number;
  page: number;
  pageSize: number;
  pages: number;
}

export function offsetOf(input: { page: number; pageSize: number }): number {
  return (input.page - 1) * input.pageSize;
}

export function toPage<T>(rows: T[], total: number, input: { page: number; pageSize: number }): Page<T> {
  return { rows, total, page: input.page, pageSize: input.pageSize, pages: Math.max(1, Math.ceil(total / input.pageSize)) };
}

/** An optional text filter from a form or a query string: blank means absent. */
export const optionalText = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(200).optional());

/** An optional enumeration filter: blank means absent. */
export function optionalEnum<T extends readonly [string, ...string[]]>(values: T) {
  return z.preprocess((v) => (v === '' || v === null ? undefined : v), z.enum(values).optional());
}
