/**
 * Indicators measure a touchpoint: NPS, CSAT, CES, churn or a custom one,
 * with a current value, a target and an alert threshold. Whether "worse"
 * means lower or higher depends on the metric (churn: higher is worse).
 */
export const METRICS = ["nps", "csat", "ces", "churn", "custom"] as const;
export type Metric = (typeof METRICS)[number];

export type MetricDirection = "higherIsBetter" | "lowerIsBetter";
export const DEFAULT_DIRECTION: Record<Metric, MetricDirection> = {
  nps: "higherIsBetter",
  csat: "higherIsBetter",
  ces: "lowerIsBetter",
  churn: "lowerIsBetter",
  custom: "higherIsBetter",
};

export interface Indicator {
  metric: Metric;
  /** The name of a custom metric. */
  label: string;
  direction: MetricDirection;
  value: number | null;
  target: number | null;
  threshold: number | null;
}

/** True when the value is on the wrong side of the alert threshold: someone must act. */
export function isAlerting(indicator: Indicator): boolean {
  const { value, threshold, direction } = indicator;
  if (value === null || threshold === null) return false;
  return direction === "higherIsBetter" ? value < threshold : value > threshold;
}
