/** Class on <body> for the projector layout: large type and high-contrast charts (see review.css). */
export const PROJECTOR_CLASS = 'projector';

/** Whether the page was opened with ?projector=1 (or true, yes, on). */
export function projectorRequested(search: string): boolean {
  const value = new URLSearchParams(search).get('projector');
  return value !== null && ['1', 'true', 'yes', 'on', ''].includes(value.toLowerCase());
}

/** Switch projector mode on or off; returns whether it is on. */
export function setProjector(on: boolean): boolean {
  document.body.classList.toggle(PROJECTOR_CLASS, on);
  return on;
}

export function projectorOn(): boolean {
  return document.body.classList.contains(PROJECTOR_CLASS);
}
