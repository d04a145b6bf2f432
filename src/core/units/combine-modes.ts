/** How a row's figures from several units make the ward's (DOMAIN.md, "How a ward aggregates"). */
export const COMBINE_MODES = ["sum", "lead"] as const;
export type CombineMode = (typeof COMBINE_MODES)[number];
