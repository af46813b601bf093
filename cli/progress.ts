/** A progress bar on stderr, drawn only when stderr is a terminal (never in pipes, logs or tests). */
export interface Progress {
  update(done: number): void;
  finish(): void;
}

const WIDTH = 30;
/** Redraw at most this often, ms: drawing every tick would cost more than small runs themselves. */
const REDRAW_MS = 100;

export function createProgress(total: number, label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || total <= 0) return { update() {}, finish() {} };
  let lastDraw = -Infinity;
  const draw = (done: number) => {
    const share = Math.min(1, done / total);
    const filled = Math.round(share * WIDTH);
    stream.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${(share * 100).toFixed(0).padStart(3)}%`);
  };
  return {
    update(done) {
      const now = performance.now();
      if (now - lastDraw < REDRAW_MS) return;
      lastDraw = now;
      draw(done);
    },
    finish() {
      // Clear the line so the summary starts on a clean one.
      stream.write('\r\x1b[2K');
    },
  };
}
