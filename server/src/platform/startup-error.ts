/** A start-up failure the CLI prints as one Vietnamese and English line, then exits 1. */
export class StartupError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(`${vi} / ${en}`);
  }
}
