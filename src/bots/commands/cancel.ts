/** /cancel: stops whatever question the bot is asking, always. */
import { defineCommand } from '../core/command.ts';

export const cancelCommand = defineCommand({
  name: 'cancel',
  description: 'Stop the current question',
  category: 'Start',
  handler: (c) => c.cancelConversation(),
});
