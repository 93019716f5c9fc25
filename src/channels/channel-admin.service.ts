import { HttpStatus, Injectable } from '@nestjs/common';
import { Channel, Prisma } from '../generated/prisma/client';
import { ChannelKind } from '../generated/prisma/enums';
import { PrismaService } from '../database/prisma.service';
import { PrismaErrorCode } from '../database/prisma-error-codes';
import { inspectUpload } from '../shared/excel/upload-guard';
import type { RequestActor } from '../shared/http/current-actor.decorator';
import { DomainError, FormValidationError } from '../shared/http/domain-error';
import type { AuditAction } from '../users/audit-actions';
import { AuditService } from '../users/audit.service';
import { DEFAULT_PROFILE, ChannelsService } from './channels.service';
import type { CreatePartnerForm } from './dto/channel-forms';
import { layoutFromAliasText } from './dto/layout-aliases';
import type { ImportLayout } from './import-fields';
import { layoutFromPicks, readSampleFile } from './sample-file';

export interface SampleUpload {
  bytes: Buffer;
  fileName: string;
  password?: string;
}

@Injectable()
export class ChannelAdminService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly channels: ChannelsService,
    private readonly audit: AuditService,
  ) {}

  // Inactive ones too, so they can be switched back on; a handful of rows.
  async list() {
    const channels = await this.prisma.channel.findMany({
      orderBy: [{ kind: 'asc' }, { active: 'desc' }, { name: 'asc' }],
      include: { importProfiles: { where: { name: DEFAULT_PROFILE }, select: { id: true } } },
    });
    return channels.map(({ importProfiles, ...channel }) => ({
      ...channel,
      customLayout: importProfiles.length > 0,
    }));
  }

  async addPartner(form: CreatePartnerForm, actor: RequestActor): Promise<Channel> {
    try {
      const channel = await this.prisma.channel.create({
        data: { code: form.code, name: form.name, kind: ChannelKind.PARTNER },
      });
      await this.record('CHANNEL_CREATED', channel, actor, { name: channel.name });
      return channel;
    } catch (error) {
      if ((error as { code?: string }).code === PrismaErrorCode.UniqueViolation) {
        throw new FormValidationError({ code: '이미 사용 중인 코드입니다.' });
      }
      throw error;
    }
  }

  // SmartStore and the showroom are where most orders come from; switching one off by mistake
  // would stop intake, so only partners come and go.
  async setActive(id: number, active: boolean, actor: RequestActor): Promise<Channel> {
    const channel = await this.channels.findById(id);
    if (channel.kind !== ChannelKind.PARTNER) {
      throw new DomainError(
        'BUILT_IN_CHANNEL',
        '스마트스토어와 자체 매장 채널은 비활성화할 수 없습니다.',
        HttpStatus.CONFLICT,
      );
    }
    if (channel.active === active) return channel;
    const updated = await this.prisma.channel.update({ where: { id }, data: { active } });
    await this.record(active ? 'CHANNEL_ACTIVATED' : 'CHANNEL_DEACTIVATED', channel, actor);
    return updated;
  }

  async layout(id: number) {
    const channel = await this.channels.findById(id);
    const custom = await this.prisma.importProfile.count({
      where: { channelId: id, name: DEFAULT_PROFILE },
    });
    return { channel, layout: await this.channels.layoutFor(channel), custom: custom > 0 };
  }

  async saveAliases(id: number, aliases: Record<string, unknown>, actor: RequestActor) {
    const channel = await this.channels.findById(id);
    return this.save(channel, layoutFromAliasText(aliases), actor, 'aliases');
  }

  // The sample is read in memory and forgotten: the mapping form carries its header texts.
  async readSample(id: number, upload: SampleUpload) {
    const channel = await this.channels.findById(id);
    const workbook = await inspectUpload(upload);
    const layout = await this.channels.layoutFor(channel);
    return { channel, layout, sample: await readSampleFile({ workbook, layout }) };
  }

  async saveMapping(
    id: number,
    form: { headers: string[]; picks: Record<string, unknown> },
    actor: RequestActor,
  ) {
    const channel = await this.channels.findById(id);
    const previous = await this.channels.layoutFor(channel);
    const layout = layoutFromPicks({ previous, headers: form.headers, picks: form.picks });
    return this.save(channel, layout, actor, 'sample');
  }

  private async save(
    channel: Channel,
    layout: ImportLayout,
    actor: RequestActor,
    source: 'aliases' | 'sample',
  ) {
    await this.channels.saveLayout(channel.id, layout);
    // The whole layout goes into the log: it is small, and it is what to restore from when
    // a partner's files stop importing after a change.
    await this.record('CHANNEL_LAYOUT_SAVED', channel, actor, {
      source,
      layout: layout as Prisma.InputJsonObject,
    });
    return channel;
  }

  private record(
    action: AuditAction,
    channel: Channel,
    actor: RequestActor,
    detail: Record<string, Prisma.InputJsonValue> = {},
  ) {
    return this.audit.record({
      action,
      actorId: actor.id,
      username: actor.username,
      ip: actor.ip,
      targetType: 'Channel',
      targetId: channel.id,
      detail: { code: channel.code, ...detail },
    });
  }
}
