// Projection: carry the latest value forward at the observed compound annual growth rate,
//   ŷ(τ) = y_t · (1 + CAGR_obs)^(τ − t),  t < τ ≤ T,
// and read off whether the value reached in the target year T would satisfy the target. This is the
// "assuming that the current trends are maintained" reading of the anticipated-progress method.
export interface ProjectionPoint {
  year: number;
  value: number;
}

export function projectValue(current: { year: number; value: number }, cagr: number, year: number): number {
  return current.value * Math.pow(1 + cagr, year - current.year);
}

/** Yearly points from the year after the observation (or the observation itself when fractional) to the target year. */
export function projectionPoints(current: { year: number; value: number }, cagr: number, targetYear: number): ProjectionPoint[] {
  const points: ProjectionPoint[] = [{ year: current.year, value: current.value }];
  for (let y = Math.floor(current.year) + 1; y <= targetYear; y++) points.push({ year: y, value: projectValue(current, cagr, y) });
  return points;
}
