/** A parameterised SQL statement ($1, $2, … refer to `values`). */
export interface SqlStatement {
  readonly text: string;
  readonly values: readonly unknown[];
}

/**
 * Several data-modifying statements as one: every statement but the last becomes a writable CTE, so they
 * all run in one round trip and under one snapshot. Only for statements on different rows that do not
 * need to see each other's effects (a CTE's changes are invisible to its siblings). Parameters are
 * renumbered; statements must not contain a literal `$<digit>` outside parameters.
 */
export function combineWritableStatements(statements: readonly SqlStatement[]): SqlStatement {
  if (statements.length === 0) throw new RangeError('combineWritableStatements needs at least one statement');
  if (statements.length === 1) return statements[0]!;
  const values: unknown[] = [];
  const renumbered = statements.map((statement) => {
    const offset = values.length;
    values.push(...statement.values);
    return statement.text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
  });
  const last = renumbered.pop()!;
  return { text: `WITH ${renumbered.map((text, i) => `s${i + 1} AS (${text})`).join(', ')} ${last}`, values };
}
