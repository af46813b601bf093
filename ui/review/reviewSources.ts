import type { ScenarioError } from '../../sim/index';
import type { ReviewRequest } from '../../workers/reviewHost';
import type { DrillSession } from '../drill/drillSession';
import { type DrillRecord, lastTickOf, parseRecord, replayEntries, scenarioContentHash } from '../drill/recordFormat';
import { findShippedScenario } from '../drill/shippedScenarios';
import { t } from '../i18n/index';

/** A run to review, or why it cannot be: problems with their place and fix, as the load-errors panel lists them. */
export type ReviewSource = { ok: true; request: ReviewRequest; label: string } | { ok: false; errors: ScenarioError[] };

/** Largest record file read, bytes (as the drill's import). */
const MAX_RECORD_BYTES = 64 * 1024 * 1024;

/** The drill under way, saved to the moment reached now, with the scenario it runs. */
export async function drillSource(session: DrillSession, scenarioText: string | null): Promise<ReviewSource> {
  const exported = await session.exportRecord();
  if (!exported) return fail('(drill)', t('review.noDrill'), t('review.noDrillHint'));
  const parsed = parseRecord(exported.text);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  return fromRecord(parsed.record, scenarioText);
}

/** A drill record file, with the loaded scenario when it is the record's, else a shipped one. */
export async function recordFileSource(file: File, scenarioText: string | null): Promise<ReviewSource> {
  if (file.size > MAX_RECORD_BYTES) return fail('(file)', t('load.tooLarge', { size: Math.round(file.size / 1024 / 1024) }), t('load.tooLargeHint'));
  let text: string;
  try {
    text = await file.text();
  } catch {
    return fail('(file)', t('load.unreadable'), t('load.unreadableHint'));
  }
  const parsed = parseRecord(text);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  return fromRecord(parsed.record, scenarioText);
}

/**
 * A headless run of the loaded scenario: strategy, seed and length in minutes (blank: the scenario's own
 * length). Bad input names the field and the fix.
 */
export function headlessSource(scenarioText: string | null, strategy: string | null, seedText: string, minutesText: string): ReviewSource {
  if (scenarioText === null) return fail('(scenario)', t('review.noScenario'), t('review.noScenarioHint'));
  const seed = Number(seedText.trim());
  if (seedText.trim() === '' || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    return fail(t('review.seed'), t('start.badSeed', { max: 0xffffffff }), t('review.seedHint'));
  }
  const minutes = minutesText.trim() === '' ? null : Number(minutesText.trim());
  if (minutes !== null && !(Number.isFinite(minutes) && minutes > 0 && minutes <= 10 * 24 * 60)) {
    return fail(t('review.minutes'), t('review.badMinutes'), t('review.minutesHint'));
  }
  return {
    ok: true,
    label: t('review.runLabel', { strategy: strategy ?? '—', seed }),
    request: { text: scenarioText, seed, strategy, entries: [], ...(minutes !== null ? { untilS: minutes * 60 } : {}) },
  };
}

async function fromRecord(record: DrillRecord, scenarioText: string | null): Promise<ReviewSource> {
  let text = scenarioText !== null && scenarioContentHash(scenarioText) === record.scenario.contentHash ? scenarioText : null;
  text ??= (await findShippedScenario(record.scenario.id, record.scenario.contentHash))?.text ?? null;
  if (text === null) {
    return fail(
      'scenario.contentHash',
      t('drill.scenarioMissing', { id: record.scenario.id, hash: record.scenario.contentHash }),
      t('review.scenarioMissingHint'),
    );
  }
  return {
    ok: true,
    label: t('review.recordLabel', { session: record.session.name, count: record.entries.length }),
    request: { text, seed: record.seed, strategy: record.strategy, entries: replayEntries(record), endTick: lastTickOf(record) },
  };
}

function fail(path: string, message: string, hint: string): ReviewSource {
  return { ok: false, errors: [{ path, message, hint }] };
}
