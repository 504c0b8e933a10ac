/** The reference catalog counting reads units from (CATALOG_DIR, else the bundled sample). */
export const COUNTING_CATALOG = Symbol('COUNTING_CATALOG');
