import { HttpStatus, Injectable } from '@nestjs/common';
import { Channel, Prisma } from '../generated/prisma/client';
import { PrismaService } from '../database/prisma.service';
import { DomainError } from '../shared/http/domain-error';
import { defaultLayoutFor } from './default-layouts';
import { IMPORT_FIELDS, ImportLayout, isImportField } from './import-fields';

export const DEFAULT_PROFILE = 'default';

@Injectable()
export class ChannelsService {
  constructor(private readonly prisma: PrismaService) {}

  list() {
    return this.prisma.channel.findMany({ where: { active: true }, orderBy: { id: 'asc' } });
  }

  async findByCode(code: string): Promise<Channel> {
    const channel = await this.prisma.channel.findUnique({ where: { code } });
    if (!channel?.active) {
      throw new DomainError(
        'UNKNOWN_CHANNEL',
        `알 수 없는 채널입니다: ${code}`,
        HttpStatus.NOT_FOUND,
      );
    }
    return channel;
  }

  async findById(id: number): Promise<Channel> {
    const channel = await this.prisma.channel.findUnique({ where: { id } });
    if (!channel)
      throw new DomainError('UNKNOWN_CHANNEL', '알 수 없는 채널입니다.', HttpStatus.NOT_FOUND);
    return channel;
  }

  // The admin's layout for this channel, or the built-in one for its kind.
  async layoutFor(channel: Channel): Promise<ImportLayout> {
    const profile = await this.prisma.importProfile.findUnique({
      where: { channelId_name: { channelId: channel.id, name: DEFAULT_PROFILE } },
    });
    return profile ? parseLayout(profile.columns) : defaultLayoutFor(channel.kind);
  }

  async saveLayout(channelId: number, layout: ImportLayout): Promise<void> {
    const columns = layout as Prisma.InputJsonObject;
    await this.prisma.importProfile.upsert({
      where: { channelId_name: { channelId, name: DEFAULT_PROFILE } },
      update: { columns },
      create: { channelId, name: DEFAULT_PROFILE, columns },
    });
  }
}

function parseLayout(json: Prisma.JsonValue): ImportLayout {
  const layout: ImportLayout = {};
  if (!json || typeof json !== 'object' || Array.isArray(json)) return layout;
  for (const [field, aliases] of Object.entries(json)) {
    if (isImportField(field) && Array.isArray(aliases)) layout[field] = aliases.map(String);
  }
  return layout;
}

export function wantedColumns(layout: ImportLayout) {
  return IMPORT_FIELDS.filter((f) => layout[f.field]?.length).map((f) => ({
    field: f.field,
    aliases: layout[f.field]!,
    required: f.required,
  }));
}
