/** A translation tree with the same keys as `T` and any strings as values: what every other language must match. */
export type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
