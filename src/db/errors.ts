const UNIQUE_VIOLATION = '23505';

/** The unique constraint a PostgreSQL error violated, if that is what it is. Drizzle wraps the driver's error in `cause`. */
export function violatedUniqueConstraint(error: unknown): string | undefined {
  const e = error as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const pgError = e?.code ? e : e?.cause;
  return pgError?.code === UNIQUE_VIOLATION ? pgError.constraint : undefined;
}

/**
 * For `.catch(...)`: turns the violation of a named unique constraint into the error a client can
 * act on (a 409 with its own code); anything else is thrown as it was.
 */
export function conflictOnUnique(conflicts: Record<string, () => Error>) {
  return (error: unknown): never => {
    const constraint = violatedUniqueConstraint(error);
    const make = constraint ? conflicts[constraint] : undefined;
    throw make ? make() : error;
  };
}

const FOREIGN_KEY_VIOLATION = '23503';

/**
 * For `.catch(...)` around a delete: rows elsewhere still refer to the one being removed, which
 * is the client's conflict to resolve (a 409 with its own code), not a failure of the server.
 */
export function conflictOnReference(conflict: () => Error) {
  return (error: unknown): never => {
    const e = error as { code?: string; cause?: { code?: string } };
    throw (e?.code ?? e?.cause?.code) === FOREIGN_KEY_VIOLATION ? conflict() : error;
  };
}
