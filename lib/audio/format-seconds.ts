/** Seconds as people read them: "12 s", "2.5 s" (to a tenth, whole numbers without one). */
export function formatSeconds(seconds: number): string {
  const tenths = Math.round(seconds * 10) / 10;
  return `${Number.isInteger(tenths) ? tenths : tenths.toFixed(1)} s`;
}
