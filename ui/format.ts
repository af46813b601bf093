import { t } from './i18n/index';

/** Simulated time as mm:ss, or h:mm:ss from one hour on. Negative or non-finite input shows as 00:00. */
export function formatClock(timeS: number): string {
  const total = Number.isFinite(timeS) && timeS > 0 ? Math.floor(timeS) : 0;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mmss = `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
  // Scenarios of several days (an epidemic) count days, then hours and minutes.
  if (hours >= 24)
    return t('clock.day', { day: Math.floor(hours / 24) + 1, time: `${String(hours % 24).padStart(2, '0')}:${String(minutes).padStart(2, '0')}` });
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
  return t('safe.count', { safe: formatCount(safe), residents: formatCount(residents), percent });
}

/** A speed multiple as shown on the buttons: x1, x64, x0.25. */
export function formatSpeed(multiple: number): string {
  return `x${multiple}`;
}

/** A moment of the drill as mm:ss, or a dash while it has not happened (null). */
export function formatMoment(timeS: number | null): string {
  return timeS === null || !Number.isFinite(timeS) ? '—' : formatClock(timeS);
}

/** A share (0 to 1) as a whole percentage, rounded down so 100% means everyone: 0.648 → "64%". */
export function formatShare(share: number): string {
  if (!Number.isFinite(share)) return '—';
  return `${Math.floor(Math.min(1, Math.max(0, share)) * 100 + 1e-9)}%`;
}

/** How long after (or before) a reference moment something happened: "+2:05", "−0:40"; empty if either is unknown. */
export function formatDelay(timeS: number | null, referenceS: number | null): string {
  if (timeS === null || referenceS === null || !Number.isFinite(timeS) || !Number.isFinite(referenceS)) return '';
  const delta = Math.round(timeS - referenceS);
  const magnitude = Math.abs(delta);
  const text = `${Math.floor(magnitude / 60)}:${String(magnitude % 60).padStart(2, '0')}`;
  return delta < 0 ? `−${text}` : `+${text}`;
}
