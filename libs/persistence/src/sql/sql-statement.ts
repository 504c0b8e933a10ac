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
 *
 * A statement that begins with its own WITH list has its CTEs lifted to the combined statement's list
 * (PostgreSQL allows data-modifying CTEs only at the top level); their names must differ across the
 * statements, which is checked.
 */
export function combineWritableStatements(statements: readonly SqlStatement[]): SqlStatement {
  if (statements.length === 0) throw new RangeError('combineWritableStatements needs at least one statement');
  if (statements.length === 1) return statements[0]!;
  const values: unknown[] = [];
  const ctes: Array<{ name: string; body: string }> = [];
  const mains = statements.map((statement) => {
    const offset = values.length;
    values.push(...statement.values);
    const renumbered = statement.text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
    const { ctes: own, main } = splitLeadingWith(renumbered);
    ctes.push(...own);
    return main;
  });
  const last = mains.pop()!;
  mains.forEach((main, i) => ctes.push({ name: `s${i + 1}`, body: main }));
  const names = ctes.map((cte) => cte.name.toLowerCase());
  const repeated = names.filter((name, i) => names.indexOf(name) !== i);
  if (repeated.length > 0) throw new RangeError(`combineWritableStatements: CTE name(s) used twice: ${[...new Set(repeated)].join(', ')}`);
  return { text: `WITH ${ctes.map((cte) => `${cte.name} AS (${cte.body})`).join(', ')} ${last}`, values };
}

/** `WITH a AS (…), b AS (…) main` → its CTEs and main statement; any other statement → no CTE. */
export function splitLeadingWith(text: string): { ctes: Array<{ name: string; body: string }>; main: string } {
  const start = /^\s*WITH\s+/i.exec(text);
  if (!start || /^\s*WITH\s+RECURSIVE\b/i.test(text)) return { ctes: [], main: text.trim() };
  const ctes: Array<{ name: string; body: string }> = [];
  let at = start[0].length;
  for (;;) {
    const head = /^(\w+)\s+AS\s*\(/i.exec(text.slice(at));
    if (!head) throw new SyntaxError(`splitLeadingWith: expected "name AS (" at: ${text.slice(at, at + 40)}`);
    const open = at + head[0].length - 1;
    const close = matchingParenthesis(text, open);
    ctes.push({ name: head[1]!, body: text.slice(open + 1, close).trim() });
    at = close + 1;
    const separator = /^\s*,\s*/.exec(text.slice(at));
    if (!separator) break;
    at += separator[0].length;
  }
  return { ctes, main: text.slice(at).trim() };
}

/** Index of the parenthesis closing the one at `open`, skipping quoted strings and identifiers. */
function matchingParenthesis(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const char = text[i];
    if (char === "'" || char === '"') {
      const end = text.indexOf(char, i + 1);
      if (end < 0) break;
      i = end;
    } else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return i;
  }
  throw new SyntaxError('splitLeadingWith: unbalanced parentheses');
}
