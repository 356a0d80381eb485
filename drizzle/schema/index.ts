export * from './core.js';
export * from './wilayah.js';
export * from './census.js';
export * from './sync.js';
