import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every .ts file under a folder. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

// DESIGN invariant 2: sim/ imports nothing from ui/, workers/, the DOM or rendering libraries, and it
// stays deterministic: no Math.random, no clocks, no timers.
describe('sim/ is pure', () => {
  const files = sourceFiles('sim');
  const allowedPackages = new Set(['zod', 'seedrandom/lib/alea.js']);

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it.each(files)('%s imports only sim/ modules, zod and alea', (file) => {
    const text = readFileSync(file, 'utf8');
    for (const [, spec] of text.matchAll(/(?:import|export)[^'"]*?from\s+'([^']+)'/g)) {
      if (spec.startsWith('.')) {
        const target = relative(resolve('sim'), resolve(dirname(file), spec));
        expect(target.startsWith('..'), `${file} imports ${spec}, outside sim/`).toBe(false);
      } else {
        expect(allowedPackages.has(spec), `${file} imports the package ${spec}`).toBe(true);
      }
    }
  });

  it.each(files)('%s uses no Math.random, clock or timer', (file) => {
    const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(code).not.toMatch(/Math\.random|Date\.now|new Date|performance\.now|setTimeout|setInterval|requestAnimationFrame/);
  });
});
