/** A value or a structured error; the core reports problems this way instead of throwing. */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };
