import {
  Body,
  Controller,
  Get,
  Param,
  ParseIntPipe,
  Post,
  Redirect,
  Render,
  Req,
} from '@nestjs/common';
import type { Request } from 'express';
import { ChannelKind, Role } from '../generated/prisma/enums';
import { Roles } from '../auth/access.decorators';
import { CurrentActor, RequestActor } from '../shared/http/current-actor.decorator';
import { flash } from '../shared/http/flash';
import { FormView } from '../shared/http/form-view.decorator';
import { ChannelAdminService } from './channel-admin.service';
import { CreatePartnerForm, SetChannelActiveForm } from './dto/channel-forms';

const LIST = '/admin/channels';
const VIEW = 'channels/index';
const TITLE = '채널·양식';

const CHANNEL_KIND_LABELS: Record<ChannelKind, string> = {
  SMARTSTORE: '스마트스토어',
  SHOWROOM: '자체 매장',
  PARTNER: '협력사',
};

type ChannelRow = Awaited<ReturnType<ChannelAdminService['list']>>[number];

function toChannelRow(channel: ChannelRow) {
  return {
    id: channel.id,
    code: channel.code,
    name: channel.name,
    kindLabel: CHANNEL_KIND_LABELS[channel.kind],
    active: channel.active,
    customLayout: channel.customLayout,
    canDeactivate: channel.kind === ChannelKind.PARTNER,
  };
}

const pageModel = (c: ChannelsController) => c.page();

@Controller('admin/channels')
@Roles(Role.ADMIN)
export class ChannelsController {
  constructor(private readonly admin: ChannelAdminService) {}

  @Get()
  @Render(VIEW)
  index() {
    return this.page();
  }

  async page() {
    const channels = await this.admin.list();
    return { title: TITLE, channels: channels.map(toChannelRow), form: {}, errors: {} };
  }

  @Post()
  @FormView(VIEW, { title: TITLE, model: pageModel })
  @Redirect(LIST)
  async create(
    @Body() form: CreatePartnerForm,
    @CurrentActor() actor: RequestActor,
    @Req() req: Request,
  ) {
    const channel = await this.admin.addPartner(form, actor);
    flash(
      req,
      'success',
      `협력사 채널 '${channel.name}'을(를) 추가했습니다. 가져오기 양식을 확인하세요.`,
    );
  }

  @Post(':id/active')
  @FormView(VIEW, { title: TITLE, model: pageModel })
  @Redirect(LIST)
  async setActive(
    @Param('id', ParseIntPipe) id: number,
    @Body() form: SetChannelActiveForm,
    @CurrentActor() actor: RequestActor,
    @Req() req: Request,
  ) {
    const channel = await this.admin.setActive(id, form.active === 'true', actor);
    flash(
      req,
      'success',
      channel.active
        ? `'${channel.name}' 채널을 다시 사용합니다.`
        : `'${channel.name}' 채널을 비활성화했습니다. 주문 가져오기에서 더 이상 고를 수 없습니다.`,
    );
  }
}
