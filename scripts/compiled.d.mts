/** The repository root. */
export const root: string;
/** A fingerprint of every source file the electron tsconfig compiles (path, size, modification time). */
export function sourceFingerprint(): string;
/** Compiles dist/ unless it was compiled from exactly the current sources. */
export function ensureCompiled(options?: { quiet?: boolean }): Promise<void>;
