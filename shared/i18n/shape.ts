/** The shape of a translation namespace with every leaf widened to string: `en` must match `vi` exactly. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
