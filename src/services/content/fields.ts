/** Shared input pieces for content forms. */
import { z } from 'zod';

export const optionalId = z.preprocess((v) => (v === '' ? undefined : v), z.string().max(64).optional());
export const slug = z.string().trim().toLowerCase().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and dashes.').max(120);
export const order = z.coerce.number().int().min(0).max(10_000).default(0);
/** Tags from a comma-separated field or an array. */
export const tags = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v),
  z.array(z.string().max(40)).max(20).default([]),
);
/** A checkbox: 'on'/'true' or a boolean; absent means false. */
export const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true' || v === '1', z.boolean());
