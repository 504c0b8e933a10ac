// Request/response codecs, one module per API (pre-flexible versions only).
export * from './api-versions';
export * from './fetch';
export * from './list-offsets';
export * from './metadata';
export * from './produce';
