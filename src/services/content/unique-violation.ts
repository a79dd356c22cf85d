/** Turn a unique-constraint violation (Postgres 23505) into a CONFLICT with a plain sentence. */
import { conflict } from '../core/errors.ts';

export async function uniqueViolation<T>(message: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
    if (code === '23505') throw conflict(message);
    throw error;
  }
}
