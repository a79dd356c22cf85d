/**
 * Every enumeration of the unified schema, in one place. The schema turns each into a CHECK
 * constraint; services and adapters use the same lists for validation and display.
 */
export { BOT_TYPES } from '../engines/types.ts';

// identity
export const USER_ROLES = ['user', 'admin', 'superadmin'] as const;
export const USER_STATUSES = ['active', 'suspended', 'banned', 'disabled'] as const;
export const THEMES = ['light', 'dark'] as const;
export const SUBSCRIPTION_STATUSES_004 = ['free', 'trial', 'trialing', 'active', 'cancelled', 'expired', 'past_due'] as const;
export const PROFILE_VISIBILITIES = ['public', 'private', 'friends'] as const;
export const ALLOW_MESSAGES_FROM = ['everyone', 'contacts', 'nobody'] as const;
export const EXPORT_TYPES = ['trades', 'bots', 'settings', 'profile', 'all'] as const;
export const EXPORT_STATUSES = ['pending', 'processing', 'completed', 'failed'] as const;
// seed 004's platforms plus 'console' (the terminal adapter, npm run chat)
export const CHAT_PLATFORMS = ['telegram', 'discord', 'whatsapp', 'email', 'console'] as const;
export const CONVERSATION_STATES = ['idle', 'active', 'awaiting_confirmation', 'awaiting_screenshot', 'awaiting_details'] as const;

// trading
export const TRADE_SIDES = ['BUY', 'SELL'] as const;
export const TRADE_TYPES = ['MARKET', 'LIMIT'] as const;
export const ORDER_TYPES = ['market', 'limit', 'stop_loss', 'take_profit'] as const;
export const ORDER_SIDES = ['buy', 'sell'] as const;
export const ORDER_STATUSES = ['pending', 'open', 'filled', 'cancelled', 'failed'] as const;
export const POSITION_STATUSES = ['open', 'closed', 'cancelled'] as const;
export const CLOSE_REASONS = ['STOP_LOSS', 'TAKE_PROFIT', 'SIGNAL', 'BOT_STOPPED', 'MANUAL'] as const;
export const POSITION_ORDER_TYPES = ['market', 'limit'] as const;
export const ORDER_EFFECTS = ['open', 'increase', 'reduce', 'close'] as const;

// bots
export const BOT_STATUSES = ['active', 'inactive', 'paused', 'error'] as const;
export const BOT_EXCHANGES = ['binance', 'okx', 'bybit'] as const;
export const TIMEFRAMES = ['1m', '5m', '15m', '30m', '1h', '4h', '1d'] as const;
export const EXECUTION_SIGNALS = ['BUY', 'SELL', 'HOLD'] as const;
export const EXECUTION_STATUSES = ['success', 'error'] as const;
export const RATINGS = ['excellent', 'good', 'fair', 'poor'] as const;
export const BOT_EXECUTION_STATUSES = ['running', 'completed', 'failed'] as const;
export const CONFIDENCE_LEVELS = ['high', 'medium', 'low'] as const;
export const TEMPLATE_CATEGORIES = ['trading', 'defi', 'arbitrage'] as const;
export const COMPLEXITIES = ['beginner', 'intermediate', 'advanced'] as const;
export const VISIBILITIES = ['public', 'private'] as const;
export const ANALYTICS_TYPES = ['portfolio', 'bot_performance', 'trading', 'defi', 'market_analysis'] as const;
export const ANALYTICS_PERIODS = ['24h', '7d', '30d', '90d', '1y', 'all'] as const;
export const LOG_LEVELS = ['info', 'warning', 'error', 'debug'] as const;
export const AI_ANALYSIS_TYPES = ['performance', 'risk', 'optimization', 'backtest'] as const;

// signals
export const SIGNAL_PROVIDER_TYPES = ['webhook', 'api', 'telegram'] as const;
export const SIGNAL_ACTIONS = ['BUY', 'SELL', 'HOLD'] as const;
// webhook ingestion (issue 6): every request that reached a provider is a row, accepted or rejected
export const SIGNAL_STATUSES = ['accepted', 'rejected'] as const;
export const SIGNAL_KINDS = ['entry', 'exit'] as const;
export const SIGNAL_FORMATS = ['json', 'tradingview', 'text'] as const;
// first of TP1 or the stop, as the price followed it (reliability)
export const SIGNAL_OUTCOMES = ['tp1', 'stop', 'expired'] as const;

// strategies
export const STRATEGY_TYPES = ['bot_config', 'trading_strategy'] as const;
export const STRATEGY_KINDS = ['custom', 'ai_generated', 'marketplace'] as const;
export const MARKET_TYPES = ['futures', 'stocks', 'crypto', 'forex'] as const;
export const STRATEGY_TIMEFRAMES = ['1m', '5m', '15m', '1h', '4h', '1d'] as const;
export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export const COMPONENT_TYPES = ['trend', 'entry', 'exit', 'stop_loss'] as const;
export const PURCHASE_STATUSES = ['completed', 'refunded'] as const;

// billing
export const PLAN_NAMES = ['free', 'basic', 'pro', 'enterprise'] as const;
export const SUBSCRIPTION_STATUSES = ['active', 'cancelled', 'expired', 'trial'] as const;
export const BILLING_CYCLES = ['monthly', 'yearly'] as const;
export const PAYMENT_PROVIDERS = ['stripe', 'tripay', 'paypal', 'manual'] as const;
export const INVOICE_STATUSES = ['pending', 'paid', 'failed', 'expired', 'cancelled'] as const;
export const PAYMENT_STATUSES = ['pending', 'completed', 'failed', 'refunded'] as const;
export const REFERRAL_STATUSES = ['pending', 'active', 'completed', 'rewarded'] as const;

// notifications
export const NOTIFICATION_TYPES = [
  'BOT_CREATED', 'BOT_STARTED', 'BOT_STOPPED', 'BOT_ERROR', 'TRADE_EXECUTED', 'STOP_LOSS_HIT', 'TAKE_PROFIT_HIT', 'DAILY_REPORT', 'WEEKLY_REPORT',
  'PAYMENT_SUCCESS', 'PAYMENT_FAILED', 'SUBSCRIPTION_CREATED', 'SUBSCRIPTION_UPGRADED', 'SUBSCRIPTION_CANCELLED', 'SUBSCRIPTION_RENEWED',
  'TICKET_CREATED', 'TICKET_MESSAGE', 'TICKET_STATUS_CHANGED', 'TICKET_CLOSED',
  'STRATEGY_PURCHASED', 'STRATEGY_REVIEW',
  'REFERRAL_JOINED', 'REFERRAL_ACTIVATED', 'REWARD_EARNED',
  'LOGIN_NEW_DEVICE', 'PASSWORD_CHANGED', 'TWO_FA_ENABLED', 'ACCOUNT_LOCKED',
] as const;
export const NOTIFICATION_CHANNELS = ['EMAIL', 'IN_APP', 'TELEGRAM', 'DISCORD', 'PUSH', 'SMS'] as const;
export const NOTIFICATION_PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'CRITICAL'] as const;
export const DIGEST_FREQUENCIES = ['realtime', 'hourly', 'daily'] as const;

// support & content
export const TICKET_CATEGORIES = ['technical', 'billing', 'general'] as const;
export const TICKET_STATUSES = ['open', 'in_progress', 'closed'] as const;
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const ANNOUNCEMENT_TYPES = ['info', 'feature', 'warning'] as const;

// admin
export const ADMIN_NOTE_CATEGORIES = ['general', 'billing', 'security', 'compliance'] as const;
export const SECURITY_LOG_TYPES = ['auth_failure', 'rate_limit', 'csrf_failure', 'suspicious_activity'] as const;

// defi
export const CHAINS = ['ethereum', 'bsc', 'polygon'] as const;
export const STAKING_STATUSES = ['active', 'unstaking', 'completed'] as const;
export const FARM_STATUSES = ['active', 'withdrawn'] as const;
export const LIQUIDITY_STATUSES = ['active', 'removed'] as const;
export const PROTOCOL_CATEGORIES = ['dex', 'lending', 'staking', 'yield'] as const;

// tenancy / communities (seed 003)
export const TENANT_ROLES = ['admin', 'member'] as const;
export const TENANT_BOT_ROLES = ['signal_bot', 'message_bot'] as const;
export const DEVICE_TYPES = ['desktop', 'mobile'] as const;
export const FOREX_DIRECTIONS = ['BUY', 'SELL'] as const;
export const FOREX_TIMEFRAMES = ['15min', '1h'] as const;
export const FOREX_STATUSES = ['ACTIVE', 'TP1_HIT', 'TP2_HIT', 'TP3_HIT', 'STOPPED', 'CLOSED'] as const;
export const VIP_PLAN_TYPES = ['monthly', 'annual', 'lifetime'] as const;
export const VIP_STATUSES = ['active', 'cancelled', 'expired'] as const;
export const JOURNEY_STEP_TYPES = ['message', 'question', 'delay', 'wait_for_reply'] as const;
export const JOURNEY_SESSION_STATUSES = ['active', 'waiting_delay', 'awaiting_reply', 'completed'] as const;
export const SCHEDULED_MESSAGE_STATUSES = ['pending', 'sent', 'failed'] as const;
export const CROSSPROMO_JOB_TYPES = ['morning_news', 'vip_teaser', 'winning_signal'] as const;
export const CROSSPROMO_JOB_STATUSES = ['pending', 'claimed', 'completed', 'failed'] as const;
export const CAMPAIGN_STATUSES = ['draft', 'active', 'ended'] as const;
export const BROADCAST_STATUSES = ['pending', 'processing', 'completed'] as const;
export const FOREX_SIGNAL_SOURCES = ['webhook', 'strategy'] as const;
// channel outbox: what a tenant's bot posts, edits and replies in its channels
export const CHANNEL_MESSAGE_KINDS = ['post', 'edit', 'reply', 'recap', 'promo'] as const;
export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
// per-recipient broadcast outcome; 'unknown' = interrupted mid-send, never retried (ADR 0005)
export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'blocked', 'failed', 'unknown'] as const;

// journal (seed 004)
export const RULE_CATEGORIES = ['entry', 'exit', 'risk', 'timing'] as const;
export const JOURNAL_DIRECTIONS = ['long', 'short'] as const;
export const AUDIT_STATUSES = ['pending', 'audited', 'skipped'] as const;
export const TRADE_SOURCE_TYPES = ['csv_import', 'broker_sync', 'manual', 'journal'] as const;
export const VERDICTS = ['followed', 'violated', 'unclear'] as const;
export const VERDICT_SEVERITIES = ['minor', 'major', 'critical'] as const;
export const DAY_STATUSES = ['trading', 'rest_day', 'gap'] as const;
export const BROKER_TYPES = ['metatrader4', 'metatrader5', 'tradovate', 'ctrader', 'rithmic', 'dxtrade', 'match_trader', 'ninjatrader', 'tradingview'] as const;
export const BROKER_AUTH_TYPES = ['oauth', 'credentials', 'api_key', 'file_upload'] as const;
export const BROKER_STATUSES = ['pending', 'active', 'error', 'disconnected', 'token_expired'] as const;
export const SYNC_STATUSES = ['running', 'success', 'partial', 'error'] as const;
export const MESSAGE_DIRECTIONS = ['inbound', 'outbound'] as const;
export const MESSAGE_CONTENT_TYPES = ['text', 'image', 'command', 'system'] as const;
export const QUIZ_MARKETS = ['futures', 'forex', 'both'] as const;
export const QUIZ_STYLES = ['scalp', 'daytrade', 'swing'] as const;
export const QUIZ_BUDGETS = ['under100', '100-300', '300-500', '500plus'] as const;
export const QUIZ_PRIORITIES = ['cheapest', 'relaxed', 'split', 'payout'] as const;
export const YES_NO = ['yes', 'no'] as const;
