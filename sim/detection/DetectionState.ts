/** What the monitoring phase keeps between ticks. */
export interface DetectionState {
  /** First alert at the duty desk, s; -1 before. */
  firstDetectionS: number;
}

export function createDetectionState(): DetectionState {
  return { firstDetectionS: -1 };
}
