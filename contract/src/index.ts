export * from './common.ts';
export * from './access.ts';
export * from './errors.ts';
export * from './auth.ts';
export * from './users.ts';
export * from './audit.ts';
export * from './units.ts';
export * from './home.ts';
