/** The repository root. */
export const root: string;
/** A fingerprint of every source file the electron tsconfig compiles under `base` (path, size, modification time). */
export function sourceFingerprint(base?: string): string;
/** Compiles dist/ unless it was compiled from exactly the current sources. */
export function ensureCompiled(options?: { quiet?: boolean }): Promise<void>;
/** True when dist/ was compiled from exactly the current sources. */
export function isCompiled(): boolean;
