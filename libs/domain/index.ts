// Bundle-safe domain code (no Node built-ins): imported by the workflow as well as the apps.
export * from './proposal';
export * from './chain';
export * from './duration';
export * from './acting';
