import { combineWritableStatements } from './sql-statement';

describe('combineWritableStatements', () => {
  it('leaves a single statement as it is', () => {
    const statement = { text: 'INSERT INTO a (x) VALUES ($1)', values: [1] };
    expect(combineWritableStatements([statement])).toBe(statement);
  });

  it('turns all but the last statement into writable CTEs and renumbers their parameters', () => {
    const combined = combineWritableStatements([
      { text: 'INSERT INTO a (x, y) VALUES ($1, $2)', values: ['a1', 'a2'] },
      { text: 'INSERT INTO b (x) VALUES ($1), ($2), ($3)', values: ['b1', 'b2', 'b3'] },
      { text: 'UPDATE c SET x = $1 WHERE id = ANY($2::int[]) AND y = $1', values: ['c1', [1, 2]] },
    ]);
    expect(combined.text).toBe(
      'WITH s1 AS (INSERT INTO a (x, y) VALUES ($1, $2)), s2 AS (INSERT INTO b (x) VALUES ($3), ($4), ($5)) UPDATE c SET x = $6 WHERE id = ANY($7::int[]) AND y = $6',
    );
    expect(combined.values).toEqual(['a1', 'a2', 'b1', 'b2', 'b3', 'c1', [1, 2]]);
  });

  it('renumbers two-digit parameters as numbers, not as text', () => {
    const first = { text: 'INSERT INTO a VALUES ($1)', values: [0] };
    const tenth = { text: `INSERT INTO b VALUES (${Array.from({ length: 12 }, (_, i) => `$${i + 1}`).join(', ')})`, values: Array.from({ length: 12 }, (_, i) => i + 1) };
    expect(combineWritableStatements([first, tenth]).text).toContain('$2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)');
  });

  it('lifts the CTEs of a statement that has its own WITH list to the top level, where PostgreSQL requires data-modifying CTEs', () => {
    const combined = combineWritableStatements([
      { text: "WITH saved AS (INSERT INTO a (x) VALUES (date_trunc('minute', $1::timestamptz)) RETURNING id), gone AS (DELETE FROM b WHERE id = $2) INSERT INTO c SELECT id FROM saved", values: ['t', 2] },
      { text: 'UPDATE d SET x = $1', values: ['d'] },
      { text: 'WITH stale AS (DELETE FROM e WHERE k = $1) INSERT INTO e (k) VALUES ($1)', values: ['e'] },
    ]);
    expect(combined.text).toBe(
      "WITH saved AS (INSERT INTO a (x) VALUES (date_trunc('minute', $1::timestamptz)) RETURNING id), gone AS (DELETE FROM b WHERE id = $2), " +
        'stale AS (DELETE FROM e WHERE k = $4), s1 AS (INSERT INTO c SELECT id FROM saved), s2 AS (UPDATE d SET x = $3) INSERT INTO e (k) VALUES ($4)',
    );
    expect(combined.values).toEqual(['t', 2, 'd', 'e']);
  });

  it('refuses statements whose CTEs have the same name (one would hide the other)', () => {
    const statement = { text: 'WITH stale AS (DELETE FROM a WHERE k = $1) INSERT INTO a (k) VALUES ($1)', values: [1] };
    expect(() => combineWritableStatements([statement, statement])).toThrow(/stale/);
  });

  it('refuses an empty list', () => {
    expect(() => combineWritableStatements([])).toThrow(RangeError);
  });
});
