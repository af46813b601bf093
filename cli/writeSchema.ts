import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { SCHEMA_PATH, scenarioJsonSchemaText } from './scenarioJsonSchema';

/** Write the file atomically (temporary file, then rename), so an editor never reads half a schema. */
function writeSchema(): void {
  const temporary = `${SCHEMA_PATH}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, scenarioJsonSchemaText());
    renameSync(temporary, SCHEMA_PATH);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  process.stdout.write(`wrote ${SCHEMA_PATH}\n`);
}

writeSchema();
