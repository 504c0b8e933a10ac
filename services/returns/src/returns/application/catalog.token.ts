/** Injection token of the reference catalog (@bcci/catalog) the use cases read. */
export const CATALOG = Symbol('returns.catalog');
