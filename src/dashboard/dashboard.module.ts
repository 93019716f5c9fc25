import { Module } from '@nestjs/common';
import { DeliveryModule } from '../delivery-bundling/delivery.module';
import { OrdersModule } from '../orders/orders.module';
import { DashboardController } from './dashboard.controller';

@Module({ imports: [OrdersModule, DeliveryModule], controllers: [DashboardController] })
export class DashboardModule {}
