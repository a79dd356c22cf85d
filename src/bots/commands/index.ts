/**
 * The chat commands and conversations. `createChatRegistry()` is what start-chat.ts and
 * `npm run chat` use; other modules add theirs to the same registry (see docs/chat.md).
 */
import { CommandRegistry } from '../core/registry.ts';
import { cancelCommand } from './cancel.ts';
import { helpCommand } from './help.ts';
import { linkCommand } from './link.ts';
import { quietHoursFlow, timezoneFlow } from './settings-flows.ts';
import { settingsCommand } from './settings.ts';
import { startCommand } from './start.ts';
import { openTicketFlow, replyTicketFlow } from './support-flows.ts';
import { supportCommand } from './support.ts';
import { registerTradingCommands } from './trading/index.ts';

export function registerCoreCommands(registry: CommandRegistry): CommandRegistry {
  registry.add(startCommand, helpCommand, cancelCommand, linkCommand, settingsCommand, supportCommand);
  registry.addConversation(timezoneFlow, quietHoursFlow, openTicketFlow, replyTicketFlow);
  return registry;
}

/** Every command: the core ones and the trading ones (bots, status, backtests, charts, exchanges). */
export function createChatRegistry(): CommandRegistry {
  return registerTradingCommands(registerCoreCommands(new CommandRegistry()));
}
