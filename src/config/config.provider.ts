import { Inject, Provider } from '@nestjs/common';
import { loadAppConfig } from './app-config';

export const APP_CONFIG = Symbol('APP_CONFIG');
export const InjectConfig = () => Inject(APP_CONFIG);

export const AppConfigProvider: Provider = {
  provide: APP_CONFIG,
  useFactory: () => loadAppConfig(),
};
