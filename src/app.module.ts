import { Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { LoggerModule } from 'nestjs-pino';
import { AuthModule } from './auth/auth.module';
import { CatalogModule } from './catalog/catalog.module';
import { ConfigModule } from './config/config.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { DatabaseModule } from './database/database.module';
import { DeliveryModule } from './delivery-bundling/delivery.module';
import { FulfillmentModule } from './fulfillment/fulfillment.module';
import { ObservabilityModule } from './observability/observability.module';
import { OrdersModule } from './orders/orders.module';
import { PostalRegionModule } from './postal-region/postal-region.module';
import { pinoHttpOptions } from './observability/logging';
import { RedisModule } from './redis/redis.module';
import { AllExceptionsFilter } from './shared/http/all-exceptions.filter';
import { FormViewInterceptor } from './shared/http/form-view.interceptor';
import { formValidationPipe } from './shared/http/validation.pipe';
import { UsersModule } from './users/users.module';
import { APP_CONFIG } from './config/config.provider';
import { AppConfig } from './config/app-config';

@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ pinoHttp: pinoHttpOptions(config) }),
    }),
    DatabaseModule,
    RedisModule,
    ScheduleModule.forRoot(),
    UsersModule,
    AuthModule,
    ObservabilityModule,
    DashboardModule,
    CatalogModule,
    PostalRegionModule,
    OrdersModule,
    DeliveryModule,
    FulfillmentModule,
  ],
  providers: [
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
    { provide: APP_PIPE, useFactory: formValidationPipe },
    { provide: APP_INTERCEPTOR, useClass: FormViewInterceptor },
  ],
})
export class AppModule {}
