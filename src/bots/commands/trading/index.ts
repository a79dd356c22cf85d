/** The trading commands and their conversations, added to a chat registry (see docs/chat.md). */
import type { CommandRegistry } from '../../core/registry.ts';
import { backtestCommand } from './backtest.ts';
import { botActionCommand, botCommand, botsCommand } from './bots.ts';
import { chartCommand } from './chart.ts';
import { connectCommand, connectFlow, disconnectCommand } from './connect.ts';
import { newbotCommand } from './newbot.ts';
import { newbotFlow } from './newbot-flow.ts';
import { forceExitCommand, positionsCommand, tradesCommand } from './positions.ts';
import { balanceCommand, dailyCommand, monthlyCommand, performanceCommand, profitCommand, weeklyCommand } from './profit.ts';
import { deployTemplateFlow, templatesCommand } from './templates.ts';

export function registerTradingCommands(registry: CommandRegistry): CommandRegistry {
  registry.add(
    newbotCommand, botsCommand, botCommand, templatesCommand, backtestCommand, botActionCommand,
    positionsCommand, tradesCommand, profitCommand, dailyCommand, weeklyCommand, monthlyCommand, balanceCommand, performanceCommand, forceExitCommand, chartCommand,
    connectCommand, disconnectCommand,
  );
  registry.addConversation(newbotFlow, deployTemplateFlow, connectFlow);
  return registry;
}
