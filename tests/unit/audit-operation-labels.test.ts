import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { operations } from '../../electron/api/registry.js';

/** A renderer module, loaded as the app loads it (the renderer's imports are not NodeNext's). */
const rendererModule = async (file: string) =>
  (await import(pathToFileURL(path.resolve('renderer/src/features/settings', file)).href)) as Record<string, unknown>;

describe('the audit screen names every operation in words', () => {
  it('has a label in both languages for every writing operation (each one writes an entry) and the restore', async () => {
    const labels = (await rendererModule('audit-operations.ts')).AUDIT_OPERATION_LABELS as Record<string, string>;
    const messages = (await rendererModule('messages.ts')).settingsMessages as Record<
      'id' | 'en',
      Record<string, string>
    >;
    const written = Object.entries(operations)
      .filter(([, operation]) => operation.writes)
      .map(([name]) => name);
    expect(written.length).toBeGreaterThan(30);
    for (const name of [...written, 'restore']) {
      expect(Object.hasOwn(labels, name), name).toBe(true);
      expect(messages.id[labels[name]], name).toBeTruthy();
      expect(messages.en[labels[name]], name).toBeTruthy();
    }
  });
});
