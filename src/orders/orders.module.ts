import { Module } from '@nestjs/common';
import { PostalRegionModule } from '../postal-region/postal-region.module';
import { UsersModule } from '../users/users.module';

@Module({
  imports: [UsersModule, PostalRegionModule],
  controllers: [],
  providers: [],
  exports: [],
})
export class OrdersModule {}
