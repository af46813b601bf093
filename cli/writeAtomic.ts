import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from './loadOrReport';

/**
 * Write a whole file or nothing: the text goes to a temporary file beside it, which is then renamed over
 * the target, so a crash or a full disk never leaves a half-written result.
 * @throws InputError naming the file and the fix.
 */
export function writeFileAtomic(file: string, text: string): void {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new InputError(`cannot write ${file}: ${describeWriteError(error, file)}`);
  }
}

/**
 * Check before a long computation that `file` can be written: its folder exists and it is not a folder.
 * @throws InputError naming the file and the fix.
 */
export function checkWritable(file: string, flag: string): void {
  const folder = dirname(file);
  const isFolder = (path: string) => {
    try {
      return statSync(path).isDirectory();
    } catch {
      return null;
    }
  };
  if (isFolder(folder) !== true) throw new InputError(`cannot write ${file} (${flag}): there is no folder ${folder}; create it or choose another path`);
  if (isFolder(file) === true) throw new InputError(`cannot write ${file} (${flag}): it is a folder; give a file name, for example ${join(file, 'results')}`);
}

function describeWriteError(error: unknown, file: string): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return `there is no folder ${dirname(file)}; create it or choose another path`;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'permission denied; choose a folder you can write to';
    case 'ENOSPC':
      return 'the disk is full; free some space and run again';
    case 'EISDIR':
      return 'it is a folder; give a file name';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
