/**
 * The largest figure a manifest may declare, native or Backstage alike (the schema's maximums): every figure a rule
 * reads is finite and at most this, so no message, JSON value or picture shows Infinity, NaN or null.
 */
export const figureMaximums = {
  peakRps: 1e12,
  p99Ms: 86_400_000,
  rpsShare: 1000,
} as const;
