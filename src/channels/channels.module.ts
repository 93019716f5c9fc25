import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { ChannelAdminService } from './channel-admin.service';
import { ChannelLayoutController } from './channel-layout.controller';
import { ChannelsController } from './channels.controller';
import { ChannelsService } from './channels.service';
import { ListingsService } from './listings.service';

@Module({
  imports: [UsersModule],
  controllers: [ChannelsController, ChannelLayoutController],
  providers: [ChannelsService, ListingsService, ChannelAdminService],
  exports: [ChannelsService, ListingsService],
})
export class ChannelsModule {}
