import { scenarioContentHash } from './recordFormat';

/** The scenario files shipped in scenarios/, loaded only when the start dialog or an import needs them. */
const FILES = import.meta.glob(['../../scenarios/*.json', '!../../scenarios/*.schema.json'], { query: '?raw', import: 'default' }) as Record<
  string,
  () => Promise<string>
>;

/** A shipped scenario as the start dialog lists it. */
export interface ShippedScenario {
  /** File name, e.g. old-compound.json. */
  file: string;
  id: string;
  title: string;
  strategies: { id: string; name: string }[];
  text: string;
}

let list: Promise<ShippedScenario[]> | null = null;

/** Every shipped scenario, by file name; read once. */
export function shippedScenarios(): Promise<ShippedScenario[]> {
  list ??= Promise.all(
    Object.entries(FILES)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(async ([path, load]) => {
        const text = await load();
        return { file: path.slice(path.lastIndexOf('/') + 1), text, ...scenarioOutline(text) };
      }),
  );
  return list;
}

/** Id, title and strategies of a scenario file's text, read leniently for the start dialog; loading checks it properly. */
export function scenarioOutline(text: string): { id: string; title: string; strategies: { id: string; name: string }[] } {
  try {
    const raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as Record<string, unknown>;
    const strategies = Array.isArray(raw.strategies)
      ? raw.strategies
          .filter((s): s is { id: string; name?: unknown } => typeof s === 'object' && s !== null && typeof (s as { id?: unknown }).id === 'string')
          .map((s) => ({ id: s.id, name: typeof s.name === 'string' ? s.name : s.id }))
      : [];
    return { id: String(raw.id ?? ''), title: typeof raw.title === 'string' ? raw.title : String(raw.id ?? ''), strategies };
  } catch {
    return { id: '', title: '', strategies: [] };
  }
}

/** The shipped scenario with this id and content, if there is one. */
export async function findShippedScenario(id: string, contentHash: string): Promise<ShippedScenario | null> {
  return (await shippedScenarios()).find((s) => s.id === id && scenarioContentHash(s.text) === contentHash) ?? null;
}
