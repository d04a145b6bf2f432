/** A strings table's keys, nested and sorted, with each value replaced by its type: two languages must have the same shape. */
export const keyShape = (o: object): unknown =>
  Object.fromEntries(
    Object.entries(o)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, typeof v === "object" && v !== null ? keyShape(v) : typeof v]),
  );
