import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleSweepWorker } from '../../cli/sweep/workerBundle';

describe('the bundled sweep worker', () => {
  it('is one module that imports only Node built-ins, removed again by dispose', async () => {
    const bundle = await bundleSweepWorker();
    expect(bundle).not.toBeNull();
    if (!bundle) return;
    const file = fileURLToPath(bundle.url);
    const code = readFileSync(file, 'utf8');
    const imported = [...code.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]);
    expect(imported.length).toBeGreaterThan(0);
    for (const name of imported) expect(name).toMatch(/^node:|^(fs|path|os|url|worker_threads|crypto)$/);
    bundle.dispose();
    expect(existsSync(file)).toBe(false);
  });
});
