/** Simulated time as mm:ss, or h:mm:ss from one hour on. Negative or non-finite input shows as 00:00. */
export function formatClock(timeS: number): string {
  const total = Number.isFinite(timeS) && timeS > 0 ? Math.floor(timeS) : 0;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mmss = `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
  return hours > 0 ? `${hours}:${mmss}` : mmss;
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A count with thousands separators: 1,234. */
export function formatCount(n: number): string {
  return integer.format(n);
}

/** "safe 1,234 / 3,000 (41%)": the headline figure of an evacuation drill. */
export function formatSafe(safe: number, residents: number): string {
  const percent = residents > 0 ? Math.floor((safe / residents) * 100) : 0;
  return `safe ${formatCount(safe)} / ${formatCount(residents)} (${percent}%)`;
}

/** A speed multiple as shown on the buttons: x1, x64, x0.25. */
export function formatSpeed(multiple: number): string {
  return `x${multiple}`;
}
