export * from './environment';
export * from './app-config.service';
export * from './app-config.module';
