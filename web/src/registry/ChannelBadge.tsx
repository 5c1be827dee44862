import { Badge } from '@codegouvfr/react-dsfr/Badge';
import type { Channel } from '../api/types.ts';
import { channelLabels } from './fr.ts';

export function ChannelBadge({ channel }: { channel: Channel }) {
  return (
    <Badge as="span" small noIcon>
      {channelLabels[channel] ?? channel}
    </Badge>
  );
}
