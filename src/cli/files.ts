/**
 * What the command-line tools say about a path they cannot use. A symbolic link that loops, or a
 * file or folder without read permission, ended `npm run extract` and `npm run ingest` with
 * Node's stack trace (ELOOP, EACCES from statSync or readdirSync), not a line naming the file.
 */
import { lstatSync, realpathSync, type Stats, statSync } from "node:fs";
import { isAbsolute, relative } from "node:path";

const REASONS: Record<string, string> = {
  ELOOP:
    "is a symbolic link that loops (or a chain of too many links): make it point to a real file or folder",
  EACCES: "cannot be read (permission denied): give the user running this read access",
  EPERM: "cannot be read (operation not permitted): give the user running this read access",
  ENAMETOOLONG: "has a name too long for the file system",
  ENOTDIR: "has a part of its path that is not a folder",
  EISDIR: "is a folder, not a file",
};

/** Why `error` (from a file-system call on a path) stops the path being used, in words. */
export function fileProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code && REASONS[code]) return REASONS[code];
  return error instanceof Error ? error.message : String(error);
}

/** The path's stats, undefined when it is not there, or `{ problem }` when it cannot be used. */
export function statPath(path: string): Stats | undefined | { problem: string } {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    return { problem: fileProblem(error) };
  }
}

/**
 * Where a symbolic link at `path` leads, when that is outside `folder` (a real path); undefined
 * for a file, a link within the folder, or a link that cannot be followed (reading it says why).
 * A folder's articles are the files in it: a link to /etc/passwd named link.txt was read and
 * ingested as an article, and the graph's reads are public.
 */
export function linkedOutside(path: string, folder: string): string | undefined {
  try {
    if (!lstatSync(path).isSymbolicLink()) return undefined;
    const target = realpathSync(path);
    const within = relative(folder, target);
    return within.startsWith("..") || isAbsolute(within) ? target : undefined;
  } catch {
    return undefined;
  }
}
