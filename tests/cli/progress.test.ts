import { describe, expect, it } from 'vitest';
import { createProgress } from '../../cli/progress';

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { written, stream: { isTTY, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream };
}

describe('progress bar', () => {
  it('draws on a terminal and clears its line at the end', () => {
    const { written, stream } = fakeStream(true);
    const progress = createProgress(200, 'tiny-court seed 1', stream);
    progress.update(50);
    progress.finish();
    expect(written[0]).toBe(`\rtiny-court seed 1 [${'#'.repeat(8)}${'-'.repeat(22)}]  25%`);
    expect(written.at(-1)).toBe('\r\x1b[2K');
  });

  it('writes nothing when stderr is not a terminal (pipes, logs, tests)', () => {
    const { written, stream } = fakeStream(false);
    const progress = createProgress(200, 'x', stream);
    progress.update(100);
    progress.finish();
    expect(written).toEqual([]);
  });
});
