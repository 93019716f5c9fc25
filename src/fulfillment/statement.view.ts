import type { Channel } from '../generated/prisma/client';
import { formatDate } from '../shared/views/formatting';

export const STATEMENTS_TITLE = '협력사 거래명세서';

// The picker keeps what was asked for when the PDF could not be made (query values as sent).
export function toStatementsPage(params: {
  channels: Channel[];
  selection?: { channelId?: unknown; date?: unknown };
  now?: Date;
}) {
  const { channels, selection = {}, now = new Date() } = params;
  const date = typeof selection.date === 'string' ? selection.date : formatDate(now);
  return {
    title: STATEMENTS_TITLE,
    channels: channels.map((channel) => ({
      id: channel.id,
      name: channel.name,
      selected: String(channel.id) === String(selection.channelId),
    })),
    tradeDay: date,
    errors: {},
  };
}
