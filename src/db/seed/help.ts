/** Help center content that explains Tradewire to a new user (searched by /help). */
export const HELP_CATEGORIES = [
  { id: 'hc_start', name: 'Getting started', slug: 'getting-started', description: 'First steps in Telegram, Discord or the terminal.', icon: 'rocket', order: 0 },
  { id: 'hc_bots', name: 'Trading bots', slug: 'bots', description: 'Bot types, settings, paper and live trading.', icon: 'robot', order: 1 },
  { id: 'hc_signals', name: 'Signals', slug: 'signals', description: 'Following signal providers and TradingView alerts.', icon: 'bell', order: 2 },
  { id: 'hc_backtest', name: 'Backtesting', slug: 'backtesting', description: 'Testing a strategy on past prices.', icon: 'chart', order: 3 },
  { id: 'hc_security', name: 'Exchanges and security', slug: 'security', description: 'API keys, permissions and account safety.', icon: 'lock', order: 4 },
  { id: 'hc_billing', name: 'Plans and billing', slug: 'billing', description: 'Plans, limits and payments.', icon: 'card', order: 5 },
] as const;

export const HELP_ARTICLES = [
  {
    id: 'ha_welcome', categoryId: 'hc_start', slug: 'welcome', title: 'Welcome to Tradewire', tags: ['start', 'tour', 'onboarding'],
    content: 'Tradewire runs trading bots for you and reports to your chat. Send /start to create your account, /newbot to build a bot (every new bot starts in paper mode, trading with pretend money on real prices), /bots to see them and /help <topic> to search these articles. Nothing touches real money until you connect an exchange with /connect and switch a bot to live.',
  },
  {
    id: 'ha_link', categoryId: 'hc_start', slug: 'link-telegram-discord', title: 'Use the same account in Telegram and Discord', tags: ['link', 'telegram', 'discord'],
    content: 'Send /link in one app: you get a code like VGL-7K2Q that works once and expires after 10 minutes. Send /link VGL-7K2Q in the other app and both chats share one account, with the same bots and settings.',
  },
  {
    id: 'ha_bot_types', categoryId: 'hc_bots', slug: 'bot-types', title: 'Which bot should I pick?', tags: ['dca', 'grid', 'ai', 'signal', 'scalping', 'arbitrage', 'combo', 'pump'],
    content: 'DCA buys a base order, then adds safety orders as the price falls, and sells the whole position a set percentage above the average entry. Grid places buy and sell levels between a lower and an upper price and earns on each matched buy/sell pair; "levels" is the number of price lines. AI scores several indicators and trades on confident BUY/SELL calls. Signal follows a signal provider. Scalping fades short stretches with tight exits. Arbitrage trades the spread between two exchanges. Combo is a grid plus DCA. The pump screener only alerts.',
  },
  {
    id: 'ha_paper_live', categoryId: 'hc_bots', slug: 'paper-vs-live', title: 'Paper trading and live trading', tags: ['paper', 'live', 'demo'],
    content: 'A paper bot fills its orders against real (or replayed) prices with fees and slippage, using a pretend balance you choose. A live bot sends orders to your exchange through your API key. Every order carries an idempotency key, so a restart never places an order twice.',
  },
  {
    id: 'ha_stop', categoryId: 'hc_bots', slug: 'start-pause-stop', title: 'Start, pause, stop and delete', tags: ['start', 'pause', 'stop', 'delete'],
    content: 'Start runs the bot on every tick. Pause keeps its positions and stops new decisions. Stop ends the bot: you choose whether its open positions are closed at market (reason BOT_STOPPED) or kept. Delete removes the bot after asking you to confirm; its trades stay in your history.',
  },
  {
    id: 'ha_signals', categoryId: 'hc_signals', slug: 'signal-format', title: 'Signal format we understand', tags: ['signals', 'cornix', 'format'],
    content: 'We read Cornix-style messages: a pair (BTC/USDT), entries (Entry 100-200 or Buy zone), targets (Target 1: …, TP, Take-Profit) and a stop (Stop: …), with optional leverage (Cross 20x). Direction is inferred from the prices when not written. A stop on the wrong side of the entry is rejected with a reason.',
  },
  {
    id: 'ha_tradingview', categoryId: 'hc_signals', slug: 'tradingview-alerts', title: 'Connecting a TradingView alert', tags: ['tradingview', 'webhook', 'alert'],
    content: 'Create a signal provider, copy its webhook URL (it carries your secret token) into the alert\'s Webhook URL field, and paste the example message into the alert message. Use straight quotes: typographic quotes from a word processor make the JSON invalid, and the alert is rejected with that reason.',
  },
  {
    id: 'ha_backtest', categoryId: 'hc_backtest', slug: 'reading-a-backtest', title: 'Reading a backtest report', tags: ['backtest', 'sharpe', 'drawdown'],
    content: 'A backtest replays past candles through the same engine that runs your bot. Market orders fill at the next candle\'s open; within a candle the low is assumed to come before the high. The report shows total return, CAGR, max drawdown, Sharpe, Sortino and Calmar ratios, win rate, profit factor, expectancy and the equity curve. Past results do not promise future ones.',
  },
  {
    id: 'ha_keys', categoryId: 'hc_security', slug: 'api-keys', title: 'Connecting an exchange safely', tags: ['api', 'keys', 'binance', 'okx', 'bybit', 'security'],
    content: 'Create an API key with trading permission only. Keys that can withdraw are refused. Send /connect <exchange> in a private chat; the message holding your keys is deleted as soon as it is read, and the keys are stored encrypted (AES-256-GCM). Never paste keys in a group.',
  },
  {
    id: 'ha_plans', categoryId: 'hc_billing', slug: 'plans-and-limits', title: 'Plans and limits', tags: ['plans', 'limits', 'pricing'],
    content: 'Free gives 2 paper bots and short backtests. Basic (5 bots) adds live trading, Pro (25 bots) adds every bot type at scale and priority support, Enterprise is for desks and communities. When you reach a limit, the bot is not created and we tell you which plan lifts it.',
  },
] as const;

export const FAQS = [
  { id: 'faq_money', question: 'Can Tradewire lose my money?', answer: 'Paper bots cannot: they use a pretend balance. Live bots trade your exchange balance and can lose like any strategy. Start on paper, backtest, and use stop losses.', order: 0 },
  { id: 'faq_withdraw', question: 'Can Tradewire withdraw from my exchange?', answer: 'No. We refuse API keys that have withdrawal permission.', order: 1 },
  { id: 'faq_offline', question: 'What happens if the service restarts?', answer: 'Bots resume where they were. Orders carry idempotency keys, so none is lost or sent twice, and conversations continue where you left them.', order: 2 },
  { id: 'faq_cancel', question: 'How do I get out of a question the bot is asking?', answer: 'Send /cancel at any time.', order: 3 },
  { id: 'faq_support', question: 'How do I reach a person?', answer: 'Send /support and describe the problem; staff replies arrive in this chat.', order: 4 },
  { id: 'faq_grid_levels', question: 'What does "number of grids" mean?', answer: 'In Tradewire it is the number of price levels (lines) between the lower and upper price, both ends included.', order: 5 },
] as const;
