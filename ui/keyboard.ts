import type { DrillController } from './drillController';

/** Whether a key press belongs to a field the user is typing in (or a control that uses the keys itself). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  // A dialog (starting or resuming a drill) or a command form has the keyboard to itself.
  if (target.closest('dialog[open], .command-form')) return true;
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/**
 * Facilitator shortcuts: Space play/pause, `]` or `+` (or `=`) faster, `[` or `-` slower, `.` or `n` one step.
 * They never fire while typing in a field.
 */
export function bindShortcuts(drill: DrillController): void {
  window.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTypingTarget(event.target)) return;
    switch (event.key) {
      case ' ':
        // Also stops a focused button from treating Space as a click, which would toggle twice.
        event.preventDefault();
        // Holding Space would flicker between play and pause; holding `.` steps repeatedly, on purpose.
        if (!event.repeat) drill.togglePlay();
        break;
      case ']':
      case '+':
      case '=': // the unshifted `+` key
        drill.faster();
        break;
      case '[':
      case '-':
        drill.slower();
        break;
      case '.':
      case 'n':
      case 'N':
        drill.step();
        break;
      default:
        return;
    }
  });
}
