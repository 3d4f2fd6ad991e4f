/** The exit statuses every command keeps to, documented in `trove ingest --help`. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_SOME_FILES_FAILED = 2;

/** Filled in by a command's action; `main` returns it. */
export interface ExitStatus {
  code: number;
}
