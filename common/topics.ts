/** The data a change event names: the features' data, by feature (backend and screens alike). */
export const TOPICS = [
  'wilayah',
  'settings',
  'progress',
  'participation',
  'integrity',
  'users',
  'audit',
  'backup',
  'census',
  'sync',
] as const;
export type Topic = (typeof TOPICS)[number];
