export * from './core.js';
export * from './wilayah.js';
export * from './census.js';
export * from './participation.js';
export * from './progress.js';
export * from './integrity.js';
export * from './users.js';
export * from './files.js';
