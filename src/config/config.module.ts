import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfigProvider } from './config.provider';

@Global()
@Module({ providers: [AppConfigProvider], exports: [APP_CONFIG] })
export class ConfigModule {}
