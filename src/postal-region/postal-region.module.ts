import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { PostalRegionController } from './postal-region.controller';
import { PostalRegionService } from './postal-region.service';

@Module({
  imports: [UsersModule],
  controllers: [PostalRegionController],
  providers: [PostalRegionService],
  exports: [PostalRegionService],
})
export class PostalRegionModule {}
