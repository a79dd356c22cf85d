CREATE TABLE "conversations" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"platform" text NOT NULL,
	"platform_chat_id" text NOT NULL,
	"kind" text DEFAULT 'journal' NOT NULL,
	"step" text,
	"state" text DEFAULT 'idle' NOT NULL,
	"pending_trade" jsonb,
	"context" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversations_user_platform_chat_key" UNIQUE("user_id","platform","platform_chat_id"),
	CONSTRAINT "conversations_platform_check" CHECK ("conversations"."platform" in ('telegram', 'discord', 'whatsapp', 'email', 'console')),
	CONSTRAINT "conversations_state_check" CHECK ("conversations"."state" in ('idle', 'active', 'awaiting_confirmation', 'awaiting_screenshot', 'awaiting_details'))
);
--> statement-breakpoint
CREATE TABLE "data_exports" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"export_type" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"file_url" text,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "data_exports_export_type_check" CHECK ("data_exports"."export_type" in ('trades', 'bots', 'settings', 'profile', 'all')),
	CONSTRAINT "data_exports_status_check" CHECK ("data_exports"."status" in ('pending', 'processing', 'completed', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "known_devices" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"device_fingerprint" text NOT NULL,
	"device_name" text NOT NULL,
	"ip_address" text NOT NULL,
	"last_used_at" timestamp with time zone DEFAULT now() NOT NULL,
	"trusted" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "known_devices_userId_deviceFingerprint_unique" UNIQUE("user_id","device_fingerprint")
);
--> statement-breakpoint
CREATE TABLE "login_history" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"ip_address" text NOT NULL,
	"user_agent" text,
	"success" boolean NOT NULL,
	"failure_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform_link_codes" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"platform" text NOT NULL,
	"code" text NOT NULL,
	"used" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "platform_link_codes_code_unique" UNIQUE("code"),
	CONSTRAINT "platform_link_codes_platform_check" CHECK ("platform_link_codes"."platform" in ('telegram', 'discord', 'whatsapp', 'email', 'console'))
);
--> statement-breakpoint
CREATE TABLE "privacy_settings" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"profile_visibility" text DEFAULT 'private' NOT NULL,
	"show_email" boolean DEFAULT false NOT NULL,
	"show_phone" boolean DEFAULT false NOT NULL,
	"allow_messages_from" text DEFAULT 'contacts' NOT NULL,
	"data_usage_consent" boolean DEFAULT false NOT NULL,
	"marketing_emails_consent" boolean DEFAULT false NOT NULL,
	"third_party_data_sharing" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_settings_userId_unique" UNIQUE("user_id"),
	CONSTRAINT "privacy_settings_profile_visibility_check" CHECK ("privacy_settings"."profile_visibility" in ('public', 'private', 'friends')),
	CONSTRAINT "privacy_settings_allow_messages_from_check" CHECK ("privacy_settings"."allow_messages_from" in ('everyone', 'contacts', 'nobody'))
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"refresh_token" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip_address" text,
	"user_agent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sessions_refreshToken_unique" UNIQUE("refresh_token")
);
--> statement-breakpoint
CREATE TABLE "two_factor_auth" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"secret" text NOT NULL,
	"backup_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "two_factor_auth_userId_unique" UNIQUE("user_id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text,
	"password" text,
	"first_name" text,
	"last_name" text,
	"full_name" text,
	"avatar" text,
	"bio" text,
	"phone" text,
	"location" text,
	"website" text,
	"company" text,
	"position" text,
	"email_verified" boolean DEFAULT false NOT NULL,
	"email_verified_at" timestamp with time zone,
	"email_verification_token" text,
	"email_verification_expiry" timestamp with time zone,
	"reset_password_token" text,
	"reset_password_expiry" timestamp with time zone,
	"two_factor_enabled" boolean DEFAULT false NOT NULL,
	"two_factor_secret" text,
	"two_factor_backup_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"failed_login_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"status" text DEFAULT 'active' NOT NULL,
	"banned_at" timestamp with time zone,
	"banned_reason" text,
	"banned_by" text,
	"suspended_until" timestamp with time zone,
	"suspended_reason" text,
	"force_password_reset" boolean DEFAULT false NOT NULL,
	"role" text DEFAULT 'user' NOT NULL,
	"timezone" text,
	"language" text DEFAULT 'en' NOT NULL,
	"theme" text DEFAULT 'light' NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"referral_code" text,
	"credits" integer DEFAULT 5 NOT NULL,
	"is_premium" boolean DEFAULT false NOT NULL,
	"preferences" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"last_login_at" timestamp with time zone,
	"subscription_plan" text DEFAULT 'free',
	"exchange_credentials" jsonb,
	"is_active" boolean DEFAULT true NOT NULL,
	"stripe_customer_id" text,
	"stripe_subscription_id" text,
	"subscription_status" text DEFAULT 'free',
	"subscription_period_end" timestamp with time zone,
	"trial_ends_at" timestamp with time zone,
	"free_audits_remaining" integer DEFAULT 3,
	"prop_firm" text,
	"firm_id" text,
	"account_size" integer,
	"challenge_phase" text,
	"daily_loss_limit_pct" numeric(65, 30),
	"daily_loss_type" text,
	"max_drawdown_pct" numeric(65, 30),
	"max_drawdown_type" text,
	"profit_target_pct" numeric(65, 30),
	"max_daily_trades" integer,
	"ai_provider" text DEFAULT 'openai',
	"has_byok_key" boolean DEFAULT false,
	"current_streak_days" integer DEFAULT 0,
	"longest_streak_days" integer DEFAULT 0,
	"last_audit_date" date,
	"onboarding_complete" boolean DEFAULT false,
	"trading_rules" text,
	"telegram_chat_id" text,
	"discord_user_id" text,
	"whatsapp_phone" text,
	"gmail_journal_address" text,
	"journal_preferences" jsonb DEFAULT '{}'::jsonb,
	"utm_source_first" text,
	"utm_medium_first" text,
	"utm_campaign_first" text,
	"utm_source_last" text,
	"utm_medium_last" text,
	"utm_campaign_last" text,
	"clerk_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_referralCode_unique" UNIQUE("referral_code"),
	CONSTRAINT "users_status_check" CHECK ("users"."status" in ('active', 'suspended', 'banned', 'disabled')),
	CONSTRAINT "users_role_check" CHECK ("users"."role" in ('user', 'admin', 'superadmin')),
	CONSTRAINT "users_theme_check" CHECK ("users"."theme" in ('light', 'dark')),
	CONSTRAINT "users_subscription_status_check" CHECK ("users"."subscription_status" in ('free', 'trial', 'trialing', 'active', 'cancelled', 'expired', 'past_due'))
);
--> statement-breakpoint
CREATE TABLE "bot_config" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"setting_key" text NOT NULL,
	"setting_value" text,
	CONSTRAINT "bot_config_tenantId_settingKey_unique" UNIQUE("tenant_id","setting_key")
);
--> statement-breakpoint
CREATE TABLE "bot_usage" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"chat_id" bigint NOT NULL,
	"template_slug" text,
	"coupon_code" text,
	"success" boolean DEFAULT true NOT NULL,
	"error_type" text,
	"device_type" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bot_usage_device_type_check" CHECK ("bot_usage"."device_type" in ('desktop', 'mobile'))
);
--> statement-breakpoint
CREATE TABLE "bot_users" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"chat_id" bigint NOT NULL,
	"username" text,
	"first_name" text,
	"last_name" text,
	"last_coupon_code" text,
	"user_id" text,
	"blocked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bot_users_tenantId_chatId_unique" UNIQUE("tenant_id","chat_id")
);
--> statement-breakpoint
CREATE TABLE "forex_config" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"setting_key" text NOT NULL,
	"setting_value" text,
	CONSTRAINT "forex_config_tenantId_settingKey_unique" UNIQUE("tenant_id","setting_key")
);
--> statement-breakpoint
CREATE TABLE "tenant_bot_connections" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"bot_role" text NOT NULL,
	"bot_token_encrypted" text NOT NULL,
	"bot_username" text,
	"channel_id" text,
	"webhook_secret" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenant_bot_connections_tenantId_botRole_unique" UNIQUE("tenant_id","bot_role"),
	CONSTRAINT "tenant_bot_connections_bot_role_check" CHECK ("tenant_bot_connections"."bot_role" in ('signal_bot', 'message_bot'))
);
--> statement-breakpoint
CREATE TABLE "tenant_users" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"user_id" text,
	"clerk_user_id" text,
	"email" text,
	"role" text DEFAULT 'member' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenant_users_tenantId_userId_unique" UNIQUE("tenant_id","user_id"),
	CONSTRAINT "tenant_users_role_check" CHECK ("tenant_users"."role" in ('admin', 'member'))
);
--> statement-breakpoint
CREATE TABLE "tenants" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"timezone" text DEFAULT 'UTC' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "broadcast_jobs" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"message" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "broadcast_jobs_status_check" CHECK ("broadcast_jobs"."status" in ('pending', 'processing', 'completed'))
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"start_date" date,
	"end_date" date,
	"prize" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_status_check" CHECK ("campaigns"."status" in ('draft', 'active', 'ended'))
);
--> statement-breakpoint
CREATE TABLE "crosspromo_jobs" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"job_type" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crosspromo_jobs_job_type_check" CHECK ("crosspromo_jobs"."job_type" in ('morning_news', 'vip_teaser', 'winning_signal')),
	CONSTRAINT "crosspromo_jobs_status_check" CHECK ("crosspromo_jobs"."status" in ('pending', 'claimed', 'completed', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "journey_scheduled_messages" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"session_id" text NOT NULL,
	"step_id" text NOT NULL,
	"telegram_chat_id" bigint NOT NULL,
	"message_content" jsonb NOT NULL,
	"scheduled_for" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"status" text DEFAULT 'pending' NOT NULL,
	CONSTRAINT "journey_scheduled_messages_status_check" CHECK ("journey_scheduled_messages"."status" in ('pending', 'sent', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "journey_steps" (
	"id" text PRIMARY KEY NOT NULL,
	"journey_id" text NOT NULL,
	"step_order" integer NOT NULL,
	"step_type" text NOT NULL,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "journey_steps_journeyId_stepOrder_unique" UNIQUE("journey_id","step_order"),
	CONSTRAINT "journey_steps_step_type_check" CHECK ("journey_steps"."step_type" in ('message', 'question', 'delay', 'wait_for_reply'))
);
--> statement-breakpoint
CREATE TABLE "journey_triggers" (
	"id" text PRIMARY KEY NOT NULL,
	"journey_id" text NOT NULL,
	"trigger_type" text NOT NULL,
	"trigger_config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "journey_user_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"journey_id" text NOT NULL,
	"telegram_chat_id" bigint NOT NULL,
	"telegram_user_id" bigint,
	"current_step_id" text,
	"status" text DEFAULT 'active' NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "journey_user_sessions_status_check" CHECK ("journey_user_sessions"."status" in ('active', 'waiting_delay', 'awaiting_reply', 'completed'))
);
--> statement-breakpoint
CREATE TABLE "journeys" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_crosspromo_settings" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"bot_role" text,
	"vip_channel_id" text,
	"free_channel_id" text,
	"cta_url" text,
	"morning_post_time_utc" time,
	"timezone" text DEFAULT 'UTC'
);
--> statement-breakpoint
CREATE TABLE "processed_webhook_events" (
	"event_id" text PRIMARY KEY NOT NULL,
	"event_type" text NOT NULL,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "telegram_subscriptions" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"email" text NOT NULL,
	"stripe_customer_id" text,
	"stripe_subscription_id" text,
	"plan_type" text DEFAULT 'monthly' NOT NULL,
	"telegram_user_id" bigint,
	"telegram_username" text,
	"status" text DEFAULT 'active' NOT NULL,
	"is_converted" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "telegram_subscriptions_tenantId_email_unique" UNIQUE("tenant_id","email"),
	CONSTRAINT "telegram_subscriptions_plan_type_check" CHECK ("telegram_subscriptions"."plan_type" in ('monthly', 'annual', 'lifetime')),
	CONSTRAINT "telegram_subscriptions_status_check" CHECK ("telegram_subscriptions"."status" in ('active', 'cancelled', 'expired'))
);
--> statement-breakpoint
CREATE TABLE "tenant_stripe_prices" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"stripe_product_id" text NOT NULL,
	"stripe_price_id" text NOT NULL,
	"unit_amount" numeric(65, 30),
	"currency" text DEFAULT 'usd' NOT NULL,
	"interval" text,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenant_stripe_prices_stripePriceId_unique" UNIQUE("stripe_price_id")
);
--> statement-breakpoint
CREATE TABLE "tenant_stripe_products" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"stripe_product_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"active" boolean DEFAULT true NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenant_stripe_products_stripeProductId_unique" UNIQUE("stripe_product_id")
);
--> statement-breakpoint
CREATE TABLE "tenant_stripe_settings" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"stripe_account_id" text,
	"vip_product_id" text,
	"vip_price_id" text
);
--> statement-breakpoint
CREATE TABLE "exchange_connections" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"exchange" text NOT NULL,
	"encrypted_api_key" text NOT NULL,
	"encrypted_secret_key" text NOT NULL,
	"encrypted_passphrase" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"is_testnet" boolean DEFAULT false NOT NULL,
	"permissions" text[] DEFAULT '{read}'::text[] NOT NULL,
	"label" text,
	"last_used" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchange_connections_userId_exchange_unique" UNIQUE("user_id","exchange")
);
--> statement-breakpoint
CREATE TABLE "exchanges" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"api_url" text NOT NULL,
	"websocket_url" text,
	"supported_pairs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"fees" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchanges_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "trading_pairs" (
	"id" text PRIMARY KEY NOT NULL,
	"exchange_id" text NOT NULL,
	"symbol" text NOT NULL,
	"base" text NOT NULL,
	"quote" text NOT NULL,
	"min_order_size" numeric(65, 30) NOT NULL,
	"max_order_size" numeric(65, 30),
	"price_precision" integer NOT NULL,
	"quantity_precision" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trading_pairs_exchangeId_symbol_unique" UNIQUE("exchange_id","symbol")
);
--> statement-breakpoint
CREATE TABLE "custom_indicators" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"category" text NOT NULL,
	"type" text NOT NULL,
	"parameters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"pine_script" text NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "custom_indicators_type_check" CHECK ("custom_indicators"."type" in ('trend', 'entry', 'exit', 'stop_loss'))
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"category" text NOT NULL,
	"type" text NOT NULL,
	"parameters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"defaults" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	"is_custom" boolean DEFAULT false NOT NULL,
	"is_public" boolean DEFAULT true NOT NULL,
	"accuracy_rating" numeric(65, 30),
	CONSTRAINT "indicators_type_check" CHECK ("indicators"."type" in ('trend', 'entry', 'exit', 'stop_loss'))
);
--> statement-breakpoint
CREATE TABLE "strategies" (
	"id" text PRIMARY KEY NOT NULL,
	"creator_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"price" numeric(65, 30) DEFAULT 0 NOT NULL,
	"type" text DEFAULT 'trading_strategy' NOT NULL,
	"strategy_type" text DEFAULT 'custom' NOT NULL,
	"category" text,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"performance" jsonb,
	"rating" numeric(65, 30) DEFAULT 0 NOT NULL,
	"downloads" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"is_ai_generated" boolean DEFAULT false NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"market_type" text,
	"timeframe" text,
	"content" text,
	"parameters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"is_verified" boolean DEFAULT false NOT NULL,
	"backtest_results" jsonb,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"risk_level" text,
	"current_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "strategies_type_check" CHECK ("strategies"."type" in ('bot_config', 'trading_strategy')),
	CONSTRAINT "strategies_strategy_type_check" CHECK ("strategies"."strategy_type" in ('custom', 'ai_generated', 'marketplace')),
	CONSTRAINT "strategies_market_type_check" CHECK ("strategies"."market_type" in ('futures', 'stocks', 'crypto', 'forex')),
	CONSTRAINT "strategies_timeframe_check" CHECK ("strategies"."timeframe" in ('1m', '5m', '15m', '1h', '4h', '1d')),
	CONSTRAINT "strategies_risk_level_check" CHECK ("strategies"."risk_level" in ('low', 'medium', 'high'))
);
--> statement-breakpoint
CREATE TABLE "strategy_components" (
	"id" text PRIMARY KEY NOT NULL,
	"strategy_id" text NOT NULL,
	"indicator_id" text,
	"is_custom" boolean DEFAULT false NOT NULL,
	"component_type" text NOT NULL,
	"parameters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "strategy_components_component_type_check" CHECK ("strategy_components"."component_type" in ('trend', 'entry', 'exit', 'stop_loss'))
);
--> statement-breakpoint
CREATE TABLE "strategy_purchases" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"strategy_id" text NOT NULL,
	"price" numeric(65, 30) NOT NULL,
	"status" text DEFAULT 'completed' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "strategy_purchases_userId_strategyId_unique" UNIQUE("user_id","strategy_id"),
	CONSTRAINT "strategy_purchases_status_check" CHECK ("strategy_purchases"."status" in ('completed', 'refunded'))
);
--> statement-breakpoint
CREATE TABLE "strategy_reviews" (
	"id" text PRIMARY KEY NOT NULL,
	"strategy_id" text NOT NULL,
	"user_id" text NOT NULL,
	"rating" integer NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "strategy_reviews_strategyId_userId_unique" UNIQUE("strategy_id","user_id"),
	CONSTRAINT "strategy_reviews_rating_check" CHECK ("strategy_reviews"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "strategy_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"strategy_id" text NOT NULL,
	"version_number" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"config" jsonb NOT NULL,
	"notes" text,
	CONSTRAINT "strategy_versions_strategyId_versionNumber_unique" UNIQUE("strategy_id","version_number")
);
--> statement-breakpoint
CREATE TABLE "analytics" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"type" text NOT NULL,
	"period" text NOT NULL,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "analytics_type_check" CHECK ("analytics"."type" in ('portfolio', 'bot_performance', 'trading', 'defi', 'market_analysis')),
	CONSTRAINT "analytics_period_check" CHECK ("analytics"."period" in ('24h', '7d', '30d', '90d', '1y', 'all'))
);
--> statement-breakpoint
CREATE TABLE "backtests" (
	"id" text PRIMARY KEY NOT NULL,
	"bot_id" text,
	"strategy_id" text,
	"user_id" text NOT NULL,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"result" jsonb,
	"execution_time" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"trading_pair" text,
	"timeframe" text,
	"start_date" timestamp with time zone,
	"end_date" timestamp with time zone,
	"initial_balance" numeric(65, 30),
	"final_balance" numeric(65, 30),
	"total_return" numeric(65, 30),
	"total_return_percentage" numeric(65, 30),
	"max_drawdown" numeric(65, 30),
	"sharpe_ratio" numeric(65, 30),
	"sortino_ratio" numeric(65, 30),
	"win_rate" numeric(65, 30),
	"profit_factor" numeric(65, 30),
	"total_trades" integer,
	"winning_trades" integer,
	"losing_trades" integer,
	"best_trade" numeric(65, 30),
	"worst_trade" numeric(65, 30),
	"avg_trade" numeric(65, 30),
	"max_consecutive_wins" integer DEFAULT 0,
	"max_consecutive_losses" integer DEFAULT 0,
	"calmar_ratio" numeric(65, 30),
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bot_executions" (
	"id" text PRIMARY KEY NOT NULL,
	"bot_id" text NOT NULL,
	"status" text NOT NULL,
	"logs" jsonb,
	"profit_loss" numeric(65, 30),
	"trades_count" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "bot_executions_status_check" CHECK ("bot_executions"."status" in ('running', 'completed', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "bot_templates" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"category" text NOT NULL,
	"type" text,
	"complexity" text NOT NULL,
	"visibility" text DEFAULT 'private' NOT NULL,
	"config" jsonb NOT NULL,
	"default_settings" jsonb,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"usage_count" integer DEFAULT 0 NOT NULL,
	"featured" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bot_templates_category_check" CHECK ("bot_templates"."category" in ('trading', 'defi', 'arbitrage')),
	CONSTRAINT "bot_templates_type_check" CHECK ("bot_templates"."type" in ('ai', 'signal', 'dca', 'grid', 'arbitrage', 'pump_screener', 'scalping', 'combo')),
	CONSTRAINT "bot_templates_complexity_check" CHECK ("bot_templates"."complexity" in ('beginner', 'intermediate', 'advanced')),
	CONSTRAINT "bot_templates_visibility_check" CHECK ("bot_templates"."visibility" in ('public', 'private'))
);
--> statement-breakpoint
CREATE TABLE "bots" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"type" text DEFAULT 'ai' NOT NULL,
	"status" text DEFAULT 'inactive' NOT NULL,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"risk_settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"paper_trading" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"stopped_at" timestamp with time zone,
	"last_execution_at" timestamp with time zone,
	"exchange" text DEFAULT 'binance' NOT NULL,
	"trading_pair" text,
	"timeframe" text DEFAULT '1m',
	"strategy" text,
	"strategy_id" text,
	"initial_balance" numeric(65, 30) DEFAULT 0 NOT NULL,
	"current_balance" numeric(65, 30) DEFAULT 0 NOT NULL,
	"total_trades" integer DEFAULT 0 NOT NULL,
	"winning_trades" integer DEFAULT 0 NOT NULL,
	"losing_trades" integer DEFAULT 0 NOT NULL,
	"profit" numeric(65, 30) DEFAULT 0 NOT NULL,
	"profit_percentage" numeric(65, 30) DEFAULT 0 NOT NULL,
	"max_open_trades" integer DEFAULT 1 NOT NULL,
	"stake_amount" numeric(65, 30),
	"stop_loss" numeric(65, 30),
	"take_profit" numeric(65, 30),
	"risk_percentage" numeric(65, 30) DEFAULT 2.0,
	"last_trade_at" timestamp with time zone,
	"error_message" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"engine_state" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"exchange_connection_id" text,
	"template_id" text,
	CONSTRAINT "bots_user_id_name_key" UNIQUE("user_id","name"),
	CONSTRAINT "bots_type_check" CHECK ("bots"."type" in ('ai', 'signal', 'dca', 'grid', 'arbitrage', 'pump_screener', 'scalping', 'combo')),
	CONSTRAINT "bots_status_check" CHECK ("bots"."status" in ('active', 'inactive', 'paused', 'error')),
	CONSTRAINT "bots_exchange_check" CHECK ("bots"."exchange" in ('binance', 'okx', 'bybit')),
	CONSTRAINT "bots_timeframe_check" CHECK ("bots"."timeframe" in ('1m', '5m', '15m', '30m', '1h', '4h', '1d'))
);
--> statement-breakpoint
CREATE TABLE "executions" (
	"id" text PRIMARY KEY NOT NULL,
	"bot_id" text NOT NULL,
	"execution_id" text NOT NULL,
	"signal" text NOT NULL,
	"confidence" numeric(65, 30) NOT NULL,
	"reason" text NOT NULL,
	"price" numeric(65, 30) NOT NULL,
	"indicators" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text NOT NULL,
	"error" text,
	"timestamp" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "executions_executionId_unique" UNIQUE("execution_id"),
	CONSTRAINT "executions_signal_check" CHECK ("executions"."signal" in ('BUY', 'SELL', 'HOLD')),
	CONSTRAINT "executions_status_check" CHECK ("executions"."status" in ('success', 'error'))
);
--> statement-breakpoint
CREATE TABLE "historical_datasets" (
	"id" text PRIMARY KEY NOT NULL,
	"symbol" text NOT NULL,
	"timeframe" text NOT NULL,
	"start_date" timestamp with time zone NOT NULL,
	"end_date" timestamp with time zone NOT NULL,
	"candle_count" integer NOT NULL,
	"candles" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "historical_datasets_symbol_timeframe_startDate_endDate_unique" UNIQUE("symbol","timeframe","start_date","end_date")
);
--> statement-breakpoint
CREATE TABLE "logs" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text,
	"bot_id" text,
	"strategy_id" text,
	"log_level" text NOT NULL,
	"message" text NOT NULL,
	"context" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "logs_log_level_check" CHECK ("logs"."log_level" in ('info', 'warning', 'error', 'debug'))
);
--> statement-breakpoint
CREATE TABLE "performance_snapshots" (
	"id" text PRIMARY KEY NOT NULL,
	"bot_id" text NOT NULL,
	"timestamp" timestamp with time zone DEFAULT now() NOT NULL,
	"metrics" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"risk_score" numeric(65, 30) NOT NULL,
	"rating" text NOT NULL,
	"total_trades" integer NOT NULL,
	"win_rate" numeric(65, 30) NOT NULL,
	"total_return" numeric(65, 30) NOT NULL,
	"total_return_percent" numeric(65, 30) NOT NULL,
	"max_drawdown_percent" numeric(65, 30) NOT NULL,
	"sharpe_ratio" numeric(65, 30) NOT NULL,
	"profit_factor" numeric(65, 30) NOT NULL,
	CONSTRAINT "performance_snapshots_rating_check" CHECK ("performance_snapshots"."rating" in ('excellent', 'good', 'fair', 'poor'))
);
--> statement-breakpoint
CREATE TABLE "pump_detections" (
	"id" text PRIMARY KEY NOT NULL,
	"bot_id" text NOT NULL,
	"user_id" text NOT NULL,
	"symbol" text NOT NULL,
	"price_change" numeric(65, 30) NOT NULL,
	"volume_change" numeric(65, 30) NOT NULL,
	"current_price" numeric(65, 30) NOT NULL,
	"market_cap" numeric(65, 30),
	"volume24h" numeric(65, 30),
	"social_mentions" integer DEFAULT 0 NOT NULL,
	"confidence" text NOT NULL,
	"detected_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pump_detections_confidence_check" CHECK ("pump_detections"."confidence" in ('high', 'medium', 'low'))
);
--> statement-breakpoint
CREATE TABLE "template_deployments" (
	"id" text PRIMARY KEY NOT NULL,
	"template_id" text NOT NULL,
	"user_id" text NOT NULL,
	"bot_id" text,
	"customization" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"deployed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"bot_id" text,
	"exchange_id" text NOT NULL,
	"pair_id" text NOT NULL,
	"type" text NOT NULL,
	"side" text NOT NULL,
	"price" numeric(65, 30),
	"quantity" numeric(65, 30) NOT NULL,
	"filled" numeric(65, 30) DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"filled_at" timestamp with time zone,
	"client_order_id" text,
	"exchange_order_id" text,
	"average_price" numeric(65, 30),
	"fee" numeric(65, 30) DEFAULT 0 NOT NULL,
	"position_id" text,
	"tag" text,
	"execution_id" text,
	"error_message" text,
	CONSTRAINT "orders_clientOrderId_unique" UNIQUE("client_order_id"),
	CONSTRAINT "orders_type_check" CHECK ("orders"."type" in ('market', 'limit', 'stop_loss', 'take_profit')),
	CONSTRAINT "orders_side_check" CHECK ("orders"."side" in ('buy', 'sell')),
	CONSTRAINT "orders_status_check" CHECK ("orders"."status" in ('pending', 'open', 'filled', 'cancelled', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "portfolio_history" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"total_value" numeric(65, 30) NOT NULL,
	"assets" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"timestamp" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "positions" (
	"id" text PRIMARY KEY NOT NULL,
	"bot_id" text NOT NULL,
	"user_id" text,
	"symbol" text NOT NULL,
	"side" text DEFAULT 'BUY' NOT NULL,
	"quantity" numeric(65, 30) NOT NULL,
	"entry_price" numeric(65, 30) NOT NULL,
	"current_price" numeric(65, 30) NOT NULL,
	"stop_loss" numeric(65, 30),
	"take_profit" numeric(65, 30),
	"unrealized_pnl" numeric(65, 30) DEFAULT 0 NOT NULL,
	"unrealized_pnl_percent" numeric(65, 30) DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"exit_price" numeric(65, 30),
	"profit_loss" numeric(65, 30),
	"profit_loss_percent" numeric(65, 30),
	"close_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"exchange" text,
	"order_type" text DEFAULT 'market' NOT NULL,
	"fee" numeric(65, 30) DEFAULT 0 NOT NULL,
	"entry_time" timestamp with time zone DEFAULT now() NOT NULL,
	"holding_duration" interval,
	"exchange_order_id" text,
	"exchange_trade_id" text,
	"is_paper_trade" boolean DEFAULT true NOT NULL,
	"signal_price" numeric(65, 30),
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"tag" text,
	CONSTRAINT "positions_side_check" CHECK ("positions"."side" in ('BUY', 'SELL')),
	CONSTRAINT "positions_status_check" CHECK ("positions"."status" in ('open', 'closed', 'cancelled')),
	CONSTRAINT "positions_close_reason_check" CHECK ("positions"."close_reason" in ('STOP_LOSS', 'TAKE_PROFIT', 'SIGNAL', 'BOT_STOPPED', 'MANUAL')),
	CONSTRAINT "positions_order_type_check" CHECK ("positions"."order_type" in ('market', 'limit'))
);
--> statement-breakpoint
CREATE TABLE "trades" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"bot_id" text,
	"exchange_id" text,
	"pair_id" text,
	"position_id" text,
	"order_id" text,
	"symbol" text NOT NULL,
	"side" text NOT NULL,
	"type" text DEFAULT 'MARKET' NOT NULL,
	"price" numeric(65, 30) NOT NULL,
	"quantity" numeric(65, 30) NOT NULL,
	"executed_price" numeric(65, 30) NOT NULL,
	"fee" numeric(65, 30) DEFAULT 0 NOT NULL,
	"fee_currency" text DEFAULT 'USDT' NOT NULL,
	"total" numeric(65, 30) DEFAULT 0 NOT NULL,
	"profit_loss" numeric(65, 30),
	"balance" numeric(65, 30) DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'FILLED' NOT NULL,
	"is_paper_trade" boolean DEFAULT true NOT NULL,
	"executed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"exchange_order_id" text,
	"exchange_trade_id" text,
	CONSTRAINT "trades_side_check" CHECK ("trades"."side" in ('BUY', 'SELL')),
	CONSTRAINT "trades_type_check" CHECK ("trades"."type" in ('MARKET', 'LIMIT'))
);
--> statement-breakpoint
CREATE TABLE "forex_signals" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"symbol" text DEFAULT 'XAU/USD' NOT NULL,
	"direction" text NOT NULL,
	"timeframe" text DEFAULT '1h' NOT NULL,
	"entry_price" numeric(65, 30) NOT NULL,
	"stop_loss" numeric(65, 30) NOT NULL,
	"take_profit_1" numeric(65, 30),
	"take_profit_2" numeric(65, 30),
	"take_profit_3" numeric(65, 30),
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"telegram_message_id" integer,
	"indicators_used" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "forex_signals_direction_check" CHECK ("forex_signals"."direction" in ('BUY', 'SELL')),
	CONSTRAINT "forex_signals_timeframe_check" CHECK ("forex_signals"."timeframe" in ('15min', '1h')),
	CONSTRAINT "forex_signals_status_check" CHECK ("forex_signals"."status" in ('ACTIVE', 'TP1_HIT', 'TP2_HIT', 'TP3_HIT', 'STOPPED', 'CLOSED'))
);
--> statement-breakpoint
CREATE TABLE "signal_providers" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"url" text,
	"api_key" text,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"reliability" numeric(65, 30) DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"owner_user_id" text,
	"tenant_id" text,
	CONSTRAINT "signal_providers_type_check" CHECK ("signal_providers"."type" in ('webhook', 'api', 'telegram'))
);
--> statement-breakpoint
CREATE TABLE "signals" (
	"id" text PRIMARY KEY NOT NULL,
	"provider_id" text NOT NULL,
	"symbol" text NOT NULL,
	"action" text NOT NULL,
	"price" numeric(65, 30),
	"stop_loss" numeric(65, 30),
	"take_profit" numeric(65, 30),
	"confidence" numeric(65, 30),
	"reason" text,
	"metadata" jsonb,
	"processed" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "signals_action_check" CHECK ("signals"."action" in ('BUY', 'SELL', 'HOLD'))
);
--> statement-breakpoint
CREATE TABLE "coupons" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"discount_percent" integer NOT NULL,
	"description" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"max_uses" integer,
	"current_uses" integer DEFAULT 0 NOT NULL,
	"expiration_date" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"tenant_id" text,
	CONSTRAINT "coupons_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"plan_id" text,
	"provider" text DEFAULT 'tripay' NOT NULL,
	"tripay_invoice_id" text,
	"tripay_merchant_id" text,
	"reference_id" text,
	"amount" numeric(65, 30) NOT NULL,
	"status" text NOT NULL,
	"payment_method" text,
	"payment_channel" text,
	"transaction_id" text,
	"description" text,
	"customer_name" text,
	"customer_email" text,
	"customer_phone" text,
	"expired_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoices_tripayInvoiceId_unique" UNIQUE("tripay_invoice_id"),
	CONSTRAINT "invoices_status_check" CHECK ("invoices"."status" in ('pending', 'paid', 'failed', 'expired', 'cancelled')),
	CONSTRAINT "invoices_provider_check" CHECK ("invoices"."provider" in ('stripe', 'tripay', 'paypal', 'manual'))
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"amount" numeric(65, 30) NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"provider" text DEFAULT 'stripe' NOT NULL,
	"stripe_payment_id" text,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "payments_stripePaymentId_unique" UNIQUE("stripe_payment_id"),
	CONSTRAINT "payments_status_check" CHECK ("payments"."status" in ('pending', 'completed', 'failed', 'refunded')),
	CONSTRAINT "payments_provider_check" CHECK ("payments"."provider" in ('stripe', 'tripay', 'paypal', 'manual'))
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"price_monthly" numeric(65, 30) NOT NULL,
	"price_yearly" numeric(65, 30),
	"features" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"max_bots" integer NOT NULL,
	"max_strategies" integer NOT NULL,
	"ai_requests_per_month" integer,
	"backtest_minutes_per_month" integer DEFAULT 0 NOT NULL,
	"priority_support" boolean DEFAULT false NOT NULL,
	"custom_strategies" boolean DEFAULT false NOT NULL,
	"api_access" boolean DEFAULT false NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" text PRIMARY KEY NOT NULL,
	"referrer_id" text NOT NULL,
	"referred_id" text NOT NULL,
	"code" text NOT NULL,
	"reward_amount" numeric(65, 30) DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"reward_applied" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"rewarded_at" timestamp with time zone,
	CONSTRAINT "referrals_referredId_unique" UNIQUE("referred_id"),
	CONSTRAINT "referrals_code_unique" UNIQUE("code"),
	CONSTRAINT "referrals_status_check" CHECK ("referrals"."status" in ('pending', 'active', 'completed', 'rewarded'))
);
--> statement-breakpoint
CREATE TABLE "subscription_history" (
	"id" text PRIMARY KEY NOT NULL,
	"subscription_id" text NOT NULL,
	"plan" text NOT NULL,
	"status" text NOT NULL,
	"billing_cycle" text NOT NULL,
	"amount" numeric(65, 30) NOT NULL,
	"change_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subscriptions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"plan_id" text,
	"plan" text DEFAULT 'free' NOT NULL,
	"status" text NOT NULL,
	"billing_cycle" text DEFAULT 'monthly' NOT NULL,
	"amount" numeric(65, 30) DEFAULT 0 NOT NULL,
	"provider" text DEFAULT 'manual' NOT NULL,
	"provider_subscription_id" text,
	"stripe_customer_id" text,
	"stripe_subscription_id" text,
	"invoice_id" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"current_period_start" timestamp with time zone,
	"current_period_end" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"auto_renew" boolean DEFAULT true NOT NULL,
	"trial_ends_at" timestamp with time zone,
	"granted_by" text,
	"grant_reason" text,
	"is_complimentary" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subscriptions_stripeCustomerId_unique" UNIQUE("stripe_customer_id"),
	CONSTRAINT "subscriptions_stripeSubscriptionId_unique" UNIQUE("stripe_subscription_id"),
	CONSTRAINT "subscriptions_plan_check" CHECK ("subscriptions"."plan" in ('free', 'basic', 'pro', 'enterprise')),
	CONSTRAINT "subscriptions_status_check" CHECK ("subscriptions"."status" in ('active', 'cancelled', 'expired', 'trial')),
	CONSTRAINT "subscriptions_billing_cycle_check" CHECK ("subscriptions"."billing_cycle" in ('monthly', 'yearly')),
	CONSTRAINT "subscriptions_provider_check" CHECK ("subscriptions"."provider" in ('stripe', 'tripay', 'paypal', 'manual'))
);
--> statement-breakpoint
CREATE TABLE "user_coupons" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"coupon_id" text NOT NULL,
	"used_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_coupons_userId_couponId_unique" UNIQUE("user_id","coupon_id")
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"email_enabled" boolean DEFAULT true NOT NULL,
	"email_bot_alerts" boolean DEFAULT true NOT NULL,
	"email_trades" boolean DEFAULT true NOT NULL,
	"email_payments" boolean DEFAULT true NOT NULL,
	"email_support" boolean DEFAULT true NOT NULL,
	"email_marketing" boolean DEFAULT false NOT NULL,
	"in_app_enabled" boolean DEFAULT true NOT NULL,
	"in_app_bot_alerts" boolean DEFAULT true NOT NULL,
	"in_app_trades" boolean DEFAULT true NOT NULL,
	"in_app_payments" boolean DEFAULT true NOT NULL,
	"in_app_support" boolean DEFAULT true NOT NULL,
	"telegram_enabled" boolean DEFAULT false NOT NULL,
	"telegram_chat_id" text,
	"telegram_bot_alerts" boolean DEFAULT true NOT NULL,
	"telegram_trades" boolean DEFAULT true NOT NULL,
	"telegram_critical_only" boolean DEFAULT false NOT NULL,
	"discord_enabled" boolean DEFAULT false NOT NULL,
	"discord_bot_alerts" boolean DEFAULT true NOT NULL,
	"discord_trades" boolean DEFAULT true NOT NULL,
	"discord_critical_only" boolean DEFAULT false NOT NULL,
	"digest_mode" boolean DEFAULT false NOT NULL,
	"digest_frequency" text DEFAULT 'realtime' NOT NULL,
	"quiet_hours_enabled" boolean DEFAULT false NOT NULL,
	"quiet_hours_start" integer,
	"quiet_hours_end" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_preferences_userId_unique" UNIQUE("user_id"),
	CONSTRAINT "notification_preferences_digest_frequency_check" CHECK ("notification_preferences"."digest_frequency" in ('realtime', 'hourly', 'daily')),
	CONSTRAINT "notification_preferences_quiet_hours_start_check" CHECK ("notification_preferences"."quiet_hours_start" between 0 and 23),
	CONSTRAINT "notification_preferences_quiet_hours_end_check" CHECK ("notification_preferences"."quiet_hours_end" between 0 and 23)
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"type" text NOT NULL,
	"channel" text NOT NULL,
	"priority" text DEFAULT 'NORMAL' NOT NULL,
	"title" text NOT NULL,
	"message" text NOT NULL,
	"metadata" jsonb,
	"read" boolean DEFAULT false NOT NULL,
	"delivered" boolean DEFAULT false NOT NULL,
	"delivered_at" timestamp with time zone,
	"failure_reason" text,
	"scheduled_for" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "notifications_type_check" CHECK ("notifications"."type" in ('BOT_CREATED', 'BOT_STARTED', 'BOT_STOPPED', 'BOT_ERROR', 'TRADE_EXECUTED', 'STOP_LOSS_HIT', 'TAKE_PROFIT_HIT', 'DAILY_REPORT', 'WEEKLY_REPORT', 'PAYMENT_SUCCESS', 'PAYMENT_FAILED', 'SUBSCRIPTION_CREATED', 'SUBSCRIPTION_UPGRADED', 'SUBSCRIPTION_CANCELLED', 'SUBSCRIPTION_RENEWED', 'TICKET_CREATED', 'TICKET_MESSAGE', 'TICKET_STATUS_CHANGED', 'TICKET_CLOSED', 'STRATEGY_PURCHASED', 'STRATEGY_REVIEW', 'REFERRAL_JOINED', 'REFERRAL_ACTIVATED', 'REWARD_EARNED', 'LOGIN_NEW_DEVICE', 'PASSWORD_CHANGED', 'TWO_FA_ENABLED', 'ACCOUNT_LOCKED')),
	CONSTRAINT "notifications_channel_check" CHECK ("notifications"."channel" in ('EMAIL', 'IN_APP', 'TELEGRAM', 'DISCORD', 'PUSH', 'SMS')),
	CONSTRAINT "notifications_priority_check" CHECK ("notifications"."priority" in ('LOW', 'NORMAL', 'HIGH', 'CRITICAL'))
);
--> statement-breakpoint
CREATE TABLE "announcement_dismissals" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"announcement_id" text NOT NULL,
	"dismissed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "announcement_dismissals_userId_announcementId_unique" UNIQUE("user_id","announcement_id")
);
--> statement-breakpoint
CREATE TABLE "announcements" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"type" text DEFAULT 'info' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "announcements_type_check" CHECK ("announcements"."type" in ('info', 'feature', 'warning'))
);
--> statement-breakpoint
CREATE TABLE "faqs" (
	"id" text PRIMARY KEY NOT NULL,
	"question" text NOT NULL,
	"answer" text NOT NULL,
	"category_id" text,
	"order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "help_articles" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"slug" text NOT NULL,
	"content" text NOT NULL,
	"category_id" text NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"views" integer DEFAULT 0 NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "help_articles_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "help_categories" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"description" text,
	"icon" text,
	"order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "help_categories_name_unique" UNIQUE("name"),
	CONSTRAINT "help_categories_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "support_tickets" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"subject" text NOT NULL,
	"category" text DEFAULT 'general' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"priority" text DEFAULT 'normal' NOT NULL,
	"assigned_to" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "support_tickets_category_check" CHECK ("support_tickets"."category" in ('technical', 'billing', 'general')),
	CONSTRAINT "support_tickets_status_check" CHECK ("support_tickets"."status" in ('open', 'in_progress', 'closed')),
	CONSTRAINT "support_tickets_priority_check" CHECK ("support_tickets"."priority" in ('low', 'normal', 'high', 'urgent'))
);
--> statement-breakpoint
CREATE TABLE "ticket_messages" (
	"id" text PRIMARY KEY NOT NULL,
	"ticket_id" text NOT NULL,
	"user_id" text NOT NULL,
	"content" text NOT NULL,
	"is_staff_reply" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "admin_notes" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"author_id" text NOT NULL,
	"content" text NOT NULL,
	"category" text DEFAULT 'general' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "admin_notes_category_check" CHECK ("admin_notes"."category" in ('general', 'billing', 'security', 'compliance'))
);
--> statement-breakpoint
CREATE TABLE "audit_logs" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text,
	"action" text NOT NULL,
	"details" jsonb,
	"ip_address" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_type" text,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "blocked_ips" (
	"id" text PRIMARY KEY NOT NULL,
	"ip_address" text NOT NULL,
	"reason" text NOT NULL,
	"blocked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"created_by" text,
	"metadata" jsonb,
	CONSTRAINT "blocked_ips_ipAddress_unique" UNIQUE("ip_address")
);
--> statement-breakpoint
CREATE TABLE "security_logs" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"user_id" text,
	"ip_address" text NOT NULL,
	"user_agent" text NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "security_logs_type_check" CHECK ("security_logs"."type" in ('auth_failure', 'rate_limit', 'csrf_failure', 'suspicious_activity'))
);
--> statement-breakpoint
CREATE TABLE "system_settings" (
	"id" text PRIMARY KEY DEFAULT 'singleton' NOT NULL,
	"maintenance_mode" boolean DEFAULT false NOT NULL,
	"maintenance_message" text,
	"registrations_open" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	CONSTRAINT "system_settings_singleton_check" CHECK ("system_settings"."id" = 'singleton')
);
--> statement-breakpoint
CREATE TABLE "defi_protocols" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"chain" text NOT NULL,
	"category" text NOT NULL,
	"tvl" numeric(65, 30) DEFAULT 0 NOT NULL,
	"volume24h" numeric(65, 30) DEFAULT 0 NOT NULL,
	"website" text,
	"logo" text,
	"description" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "defi_protocols_name_unique" UNIQUE("name"),
	CONSTRAINT "defi_protocols_category_check" CHECK ("defi_protocols"."category" in ('dex', 'lending', 'staking', 'yield'))
);
--> statement-breakpoint
CREATE TABLE "farm_positions" (
	"id" text PRIMARY KEY NOT NULL,
	"wallet_id" text NOT NULL,
	"protocol" text NOT NULL,
	"chain" text NOT NULL,
	"farm_address" text NOT NULL,
	"lp_token_address" text NOT NULL,
	"lp_token_amount" numeric(65, 30) NOT NULL,
	"token0_symbol" text NOT NULL,
	"token1_symbol" text NOT NULL,
	"token0_amount" numeric(65, 30) NOT NULL,
	"token1_amount" numeric(65, 30) NOT NULL,
	"value_usd" numeric(65, 30) NOT NULL,
	"apy" numeric(65, 30) NOT NULL,
	"rewards_earned" numeric(65, 30) DEFAULT 0 NOT NULL,
	"reward_token_symbol" text,
	"deposited_at" timestamp with time zone NOT NULL,
	"last_harvest" timestamp with time zone,
	"last_updated" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "farm_positions_status_check" CHECK ("farm_positions"."status" in ('active', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "liquidity_pools" (
	"id" text PRIMARY KEY NOT NULL,
	"protocol" text NOT NULL,
	"chain" text NOT NULL,
	"pair" text NOT NULL,
	"token0" text NOT NULL,
	"token1" text NOT NULL,
	"tvl" numeric(65, 30) NOT NULL,
	"apy" numeric(65, 30) NOT NULL,
	"volume24h" numeric(65, 30) NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "liquidity_pools_protocol_chain_pair_unique" UNIQUE("protocol","chain","pair")
);
--> statement-breakpoint
CREATE TABLE "liquidity_positions" (
	"id" text PRIMARY KEY NOT NULL,
	"wallet_id" text NOT NULL,
	"protocol" text NOT NULL,
	"chain" text NOT NULL,
	"pool_address" text NOT NULL,
	"lp_token_address" text NOT NULL,
	"lp_token_amount" numeric(65, 30) NOT NULL,
	"token0_symbol" text NOT NULL,
	"token1_symbol" text NOT NULL,
	"token0_amount" numeric(65, 30) NOT NULL,
	"token1_amount" numeric(65, 30) NOT NULL,
	"initial_token0_amount" numeric(65, 30) NOT NULL,
	"initial_token1_amount" numeric(65, 30) NOT NULL,
	"initial_value_usd" numeric(65, 30) NOT NULL,
	"current_value_usd" numeric(65, 30) NOT NULL,
	"impermanent_loss" numeric(65, 30) DEFAULT 0 NOT NULL,
	"fees_earned" numeric(65, 30) DEFAULT 0 NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	"last_updated" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "liquidity_positions_status_check" CHECK ("liquidity_positions"."status" in ('active', 'removed'))
);
--> statement-breakpoint
CREATE TABLE "staking_positions" (
	"id" text PRIMARY KEY NOT NULL,
	"wallet_id" text NOT NULL,
	"protocol" text NOT NULL,
	"chain" text NOT NULL,
	"token_address" text NOT NULL,
	"token_symbol" text NOT NULL,
	"amount" numeric(65, 30) NOT NULL,
	"value_usd" numeric(65, 30) NOT NULL,
	"apy" numeric(65, 30) NOT NULL,
	"rewards" numeric(65, 30) DEFAULT 0 NOT NULL,
	"staked_at" timestamp with time zone NOT NULL,
	"last_updated" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staking_positions_status_check" CHECK ("staking_positions"."status" in ('active', 'unstaking', 'completed'))
);
--> statement-breakpoint
CREATE TABLE "wallets" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"address" text NOT NULL,
	"chain" text NOT NULL,
	"name" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"encrypted_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wallets_userId_address_chain_unique" UNIQUE("user_id","address","chain"),
	CONSTRAINT "wallets_chain_check" CHECK ("wallets"."chain" in ('ethereum', 'bsc', 'polygon'))
);
--> statement-breakpoint
CREATE TABLE "ai_analyses" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"bot_id" text,
	"strategy_id" text,
	"analysis_type" text NOT NULL,
	"input_data" jsonb NOT NULL,
	"results" jsonb NOT NULL,
	"recommendations" text[],
	"confidence_score" numeric(65, 30) DEFAULT 0,
	"model_used" text,
	"tokens_used" integer DEFAULT 0,
	"processing_time_ms" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ai_analyses_analysis_type_check" CHECK ("ai_analyses"."analysis_type" in ('performance', 'risk', 'optimization', 'backtest'))
);
--> statement-breakpoint
CREATE TABLE "llm_api_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"provider" text NOT NULL,
	"key_encrypted" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used" timestamp with time zone,
	CONSTRAINT "llm_api_keys_userId_provider_unique" UNIQUE("user_id","provider")
);
--> statement-breakpoint
CREATE TABLE "broker_connections" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"broker_type" text NOT NULL,
	"auth_type" text NOT NULL,
	"display_name" text,
	"encrypted_credentials" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"error_message" text,
	"consecutive_errors" integer DEFAULT 0 NOT NULL,
	"last_sync_at" timestamp with time zone,
	"sync_interval_minutes" integer DEFAULT 15 NOT NULL,
	"trades_synced_total" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "broker_connections_userId_brokerType_displayName_unique" UNIQUE("user_id","broker_type","display_name"),
	CONSTRAINT "broker_connections_broker_type_check" CHECK ("broker_connections"."broker_type" in ('metatrader4', 'metatrader5', 'tradovate', 'ctrader', 'rithmic', 'dxtrade', 'match_trader', 'ninjatrader', 'tradingview')),
	CONSTRAINT "broker_connections_auth_type_check" CHECK ("broker_connections"."auth_type" in ('oauth', 'credentials', 'api_key', 'file_upload')),
	CONSTRAINT "broker_connections_status_check" CHECK ("broker_connections"."status" in ('pending', 'active', 'error', 'disconnected', 'token_expired'))
);
--> statement-breakpoint
CREATE TABLE "daily_tracking" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"trade_date" date NOT NULL,
	"starting_balance" numeric(65, 30),
	"ending_balance" numeric(65, 30),
	"daily_pnl" numeric(65, 30),
	"max_equity_high" numeric(65, 30),
	"trades_taken" integer DEFAULT 0 NOT NULL,
	"daily_loss_used" numeric(65, 30),
	"drawdown_used" numeric(65, 30),
	"compliance_score" numeric(65, 30),
	"day_status" text DEFAULT 'trading' NOT NULL,
	CONSTRAINT "daily_tracking_userId_tradeDate_unique" UNIQUE("user_id","trade_date"),
	CONSTRAINT "daily_tracking_day_status_check" CHECK ("daily_tracking"."day_status" in ('trading', 'rest_day', 'gap'))
);
--> statement-breakpoint
CREATE TABLE "journal_messages" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"platform" text NOT NULL,
	"direction" text NOT NULL,
	"content_type" text DEFAULT 'text' NOT NULL,
	"content_preview" text,
	"trade_id" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journal_messages_platform_check" CHECK ("journal_messages"."platform" in ('telegram', 'discord', 'whatsapp', 'email', 'console')),
	CONSTRAINT "journal_messages_direction_check" CHECK ("journal_messages"."direction" in ('inbound', 'outbound')),
	CONSTRAINT "journal_messages_content_type_check" CHECK ("journal_messages"."content_type" in ('text', 'image', 'command', 'system'))
);
--> statement-breakpoint
CREATE TABLE "journal_trades" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"daily_tracking_id" text,
	"symbol" text,
	"direction" text,
	"entry_price" numeric(65, 30),
	"exit_price" numeric(65, 30),
	"entry_time" timestamp with time zone,
	"exit_time" timestamp with time zone,
	"position_size" numeric(65, 30),
	"stop_loss" numeric(65, 30),
	"take_profit" numeric(65, 30),
	"pnl" numeric(65, 30),
	"commissions" numeric(65, 30),
	"screenshot_url" text,
	"screenshot_quality" text,
	"audit_status" text DEFAULT 'pending' NOT NULL,
	"audit_result" jsonb,
	"audit_provider" text,
	"compliance_score" numeric(65, 30),
	"rules_followed" integer,
	"rules_violated" integer,
	"rules_unclear" integer,
	"has_overrides" boolean DEFAULT false NOT NULL,
	"source_type" text DEFAULT 'csv_import' NOT NULL,
	"source_connection_id" text,
	"external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journal_trades_direction_check" CHECK ("journal_trades"."direction" in ('long', 'short')),
	CONSTRAINT "journal_trades_audit_status_check" CHECK ("journal_trades"."audit_status" in ('pending', 'audited', 'skipped')),
	CONSTRAINT "journal_trades_source_type_check" CHECK ("journal_trades"."source_type" in ('csv_import', 'broker_sync', 'manual', 'journal'))
);
--> statement-breakpoint
CREATE TABLE "strategy_analyses" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text,
	"screenshot_url" text,
	"user_description" text,
	"extracted_rules" jsonb,
	"overall_backtestability" numeric(65, 30),
	"pine_script" text,
	"pine_script_version" integer DEFAULT 1 NOT NULL,
	"backtest_imported" boolean DEFAULT false NOT NULL,
	"backtest_results" jsonb,
	"fitness_analysis" jsonb,
	"parent_analysis_id" text,
	"iteration_number" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_logs" (
	"id" text PRIMARY KEY NOT NULL,
	"connection_id" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"status" text DEFAULT 'running' NOT NULL,
	"trades_fetched" integer DEFAULT 0 NOT NULL,
	"trades_new" integer DEFAULT 0 NOT NULL,
	"trades_duplicate" integer DEFAULT 0 NOT NULL,
	"error_message" text,
	"duration_ms" integer,
	CONSTRAINT "sync_logs_status_check" CHECK ("sync_logs"."status" in ('running', 'success', 'partial', 'error'))
);
--> statement-breakpoint
CREATE TABLE "trade_rule_verdicts" (
	"id" text PRIMARY KEY NOT NULL,
	"trade_id" text NOT NULL,
	"rule_id" text NOT NULL,
	"verdict" text,
	"evidence" text,
	"severity" text DEFAULT 'minor' NOT NULL,
	"ai_confidence" integer,
	"is_overridden" boolean DEFAULT false NOT NULL,
	"original_verdict" text,
	"override_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trade_rule_verdicts_verdict_check" CHECK ("trade_rule_verdicts"."verdict" in ('followed', 'violated', 'unclear')),
	CONSTRAINT "trade_rule_verdicts_severity_check" CHECK ("trade_rule_verdicts"."severity" in ('minor', 'major', 'critical')),
	CONSTRAINT "trade_rule_verdicts_ai_confidence_check" CHECK ("trade_rule_verdicts"."ai_confidence" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "trading_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"rule_text" text NOT NULL,
	"category" text DEFAULT 'entry' NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"previous_version_id" text,
	"quality_grade" text,
	"win_rate" numeric(65, 30),
	"avg_pnl" numeric(65, 30),
	"sample_count" integer DEFAULT 0 NOT NULL,
	"last_graded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trading_rules_category_check" CHECK ("trading_rules"."category" in ('entry', 'exit', 'risk', 'timing'))
);
--> statement-breakpoint
CREATE TABLE "anonymous_audits" (
	"id" text PRIMARY KEY NOT NULL,
	"ip_hash" text NOT NULL,
	"result_hash" text NOT NULL,
	"firm_id" text NOT NULL,
	"audit_result" jsonb NOT NULL,
	"claimed_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "anonymous_audits_resultHash_unique" UNIQUE("result_hash")
);
--> statement-breakpoint
CREATE TABLE "email_leads" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"source" text DEFAULT 'quiz' NOT NULL,
	"quiz_result" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"subscribed" boolean DEFAULT true NOT NULL,
	CONSTRAINT "email_leads_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "quiz_completions" (
	"id" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"market" text NOT NULL,
	"style" text NOT NULL,
	"budget" text NOT NULL,
	"priority" text NOT NULL,
	"trailing_dd_ok" text NOT NULL,
	"recommended_firm" text NOT NULL,
	"recommended_score" integer NOT NULL,
	"all_scores" jsonb NOT NULL,
	"utm_source" text,
	"utm_medium" text,
	"utm_campaign" text,
	"referrer" text,
	CONSTRAINT "quiz_completions_market_check" CHECK ("quiz_completions"."market" in ('futures', 'forex', 'both')),
	CONSTRAINT "quiz_completions_style_check" CHECK ("quiz_completions"."style" in ('scalp', 'daytrade', 'swing')),
	CONSTRAINT "quiz_completions_budget_check" CHECK ("quiz_completions"."budget" in ('under100', '100-300', '300-500', '500plus')),
	CONSTRAINT "quiz_completions_priority_check" CHECK ("quiz_completions"."priority" in ('cheapest', 'relaxed', 'split', 'payout')),
	CONSTRAINT "quiz_completions_trailing_dd_ok_check" CHECK ("quiz_completions"."trailing_dd_ok" in ('yes', 'no'))
);
--> statement-breakpoint
CREATE TABLE "shared_results" (
	"id" text PRIMARY KEY NOT NULL,
	"result_hash" text NOT NULL,
	"strategy_summary" text,
	"pnl_percent" numeric(65, 30),
	"stats" jsonb,
	"og_image_url" text,
	"views" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shared_results_resultHash_unique" UNIQUE("result_hash")
);
--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_exports" ADD CONSTRAINT "data_exports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "known_devices" ADD CONSTRAINT "known_devices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "login_history" ADD CONSTRAINT "login_history_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_link_codes" ADD CONSTRAINT "platform_link_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_settings" ADD CONSTRAINT "privacy_settings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "two_factor_auth" ADD CONSTRAINT "two_factor_auth_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_config" ADD CONSTRAINT "bot_config_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_usage" ADD CONSTRAINT "bot_usage_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_users" ADD CONSTRAINT "bot_users_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_users" ADD CONSTRAINT "bot_users_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forex_config" ADD CONSTRAINT "forex_config_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_bot_connections" ADD CONSTRAINT "tenant_bot_connections_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_users" ADD CONSTRAINT "tenant_users_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_users" ADD CONSTRAINT "tenant_users_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broadcast_jobs" ADD CONSTRAINT "broadcast_jobs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crosspromo_jobs" ADD CONSTRAINT "crosspromo_jobs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_scheduled_messages" ADD CONSTRAINT "journey_scheduled_messages_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_scheduled_messages" ADD CONSTRAINT "journey_scheduled_messages_session_id_journey_user_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."journey_user_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_scheduled_messages" ADD CONSTRAINT "journey_scheduled_messages_step_id_journey_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."journey_steps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_steps" ADD CONSTRAINT "journey_steps_journey_id_journeys_id_fk" FOREIGN KEY ("journey_id") REFERENCES "public"."journeys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_triggers" ADD CONSTRAINT "journey_triggers_journey_id_journeys_id_fk" FOREIGN KEY ("journey_id") REFERENCES "public"."journeys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_user_sessions" ADD CONSTRAINT "journey_user_sessions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_user_sessions" ADD CONSTRAINT "journey_user_sessions_journey_id_journeys_id_fk" FOREIGN KEY ("journey_id") REFERENCES "public"."journeys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_user_sessions" ADD CONSTRAINT "journey_user_sessions_current_step_id_journey_steps_id_fk" FOREIGN KEY ("current_step_id") REFERENCES "public"."journey_steps"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journeys" ADD CONSTRAINT "journeys_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_crosspromo_settings" ADD CONSTRAINT "tenant_crosspromo_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telegram_subscriptions" ADD CONSTRAINT "telegram_subscriptions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_stripe_prices" ADD CONSTRAINT "tenant_stripe_prices_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_stripe_products" ADD CONSTRAINT "tenant_stripe_products_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_stripe_settings" ADD CONSTRAINT "tenant_stripe_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_connections" ADD CONSTRAINT "exchange_connections_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trading_pairs" ADD CONSTRAINT "trading_pairs_exchange_id_exchanges_id_fk" FOREIGN KEY ("exchange_id") REFERENCES "public"."exchanges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_indicators" ADD CONSTRAINT "custom_indicators_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategies" ADD CONSTRAINT "strategies_creator_id_users_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_components" ADD CONSTRAINT "strategy_components_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_purchases" ADD CONSTRAINT "strategy_purchases_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_reviews" ADD CONSTRAINT "strategy_reviews_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_versions" ADD CONSTRAINT "strategy_versions_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics" ADD CONSTRAINT "analytics_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backtests" ADD CONSTRAINT "backtests_bot_id_bots_id_fk" FOREIGN KEY ("bot_id") REFERENCES "public"."bots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backtests" ADD CONSTRAINT "backtests_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backtests" ADD CONSTRAINT "backtests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_templates" ADD CONSTRAINT "bot_templates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bots" ADD CONSTRAINT "bots_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bots" ADD CONSTRAINT "bots_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bots" ADD CONSTRAINT "bots_exchange_connection_id_exchange_connections_id_fk" FOREIGN KEY ("exchange_connection_id") REFERENCES "public"."exchange_connections"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bots" ADD CONSTRAINT "bots_template_id_bot_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."bot_templates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "executions" ADD CONSTRAINT "executions_bot_id_bots_id_fk" FOREIGN KEY ("bot_id") REFERENCES "public"."bots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logs" ADD CONSTRAINT "logs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logs" ADD CONSTRAINT "logs_bot_id_bots_id_fk" FOREIGN KEY ("bot_id") REFERENCES "public"."bots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logs" ADD CONSTRAINT "logs_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_snapshots" ADD CONSTRAINT "performance_snapshots_bot_id_bots_id_fk" FOREIGN KEY ("bot_id") REFERENCES "public"."bots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pump_detections" ADD CONSTRAINT "pump_detections_bot_id_bots_id_fk" FOREIGN KEY ("bot_id") REFERENCES "public"."bots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pump_detections" ADD CONSTRAINT "pump_detections_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "template_deployments" ADD CONSTRAINT "template_deployments_template_id_bot_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."bot_templates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_bot_id_bots_id_fk" FOREIGN KEY ("bot_id") REFERENCES "public"."bots"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_exchange_id_exchanges_id_fk" FOREIGN KEY ("exchange_id") REFERENCES "public"."exchanges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_pair_id_trading_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."trading_pairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_position_id_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."positions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_history" ADD CONSTRAINT "portfolio_history_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_bot_id_bots_id_fk" FOREIGN KEY ("bot_id") REFERENCES "public"."bots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trades" ADD CONSTRAINT "trades_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trades" ADD CONSTRAINT "trades_bot_id_bots_id_fk" FOREIGN KEY ("bot_id") REFERENCES "public"."bots"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trades" ADD CONSTRAINT "trades_exchange_id_exchanges_id_fk" FOREIGN KEY ("exchange_id") REFERENCES "public"."exchanges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trades" ADD CONSTRAINT "trades_pair_id_trading_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."trading_pairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trades" ADD CONSTRAINT "trades_position_id_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."positions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trades" ADD CONSTRAINT "trades_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forex_signals" ADD CONSTRAINT "forex_signals_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal_providers" ADD CONSTRAINT "signal_providers_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal_providers" ADD CONSTRAINT "signal_providers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signals" ADD CONSTRAINT "signals_provider_id_signal_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."signal_providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coupons" ADD CONSTRAINT "coupons_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_referrer_id_users_id_fk" FOREIGN KEY ("referrer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_referred_id_users_id_fk" FOREIGN KEY ("referred_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_history" ADD CONSTRAINT "subscription_history_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_coupons" ADD CONSTRAINT "user_coupons_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_coupons" ADD CONSTRAINT "user_coupons_coupon_id_coupons_id_fk" FOREIGN KEY ("coupon_id") REFERENCES "public"."coupons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcement_dismissals" ADD CONSTRAINT "announcement_dismissals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcement_dismissals" ADD CONSTRAINT "announcement_dismissals_announcement_id_announcements_id_fk" FOREIGN KEY ("announcement_id") REFERENCES "public"."announcements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_articles" ADD CONSTRAINT "help_articles_category_id_help_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."help_categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_tickets" ADD CONSTRAINT "support_tickets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_messages" ADD CONSTRAINT "ticket_messages_ticket_id_support_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."support_tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_messages" ADD CONSTRAINT "ticket_messages_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_notes" ADD CONSTRAINT "admin_notes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_notes" ADD CONSTRAINT "admin_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_logs" ADD CONSTRAINT "security_logs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "farm_positions" ADD CONSTRAINT "farm_positions_wallet_id_wallets_id_fk" FOREIGN KEY ("wallet_id") REFERENCES "public"."wallets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liquidity_positions" ADD CONSTRAINT "liquidity_positions_wallet_id_wallets_id_fk" FOREIGN KEY ("wallet_id") REFERENCES "public"."wallets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staking_positions" ADD CONSTRAINT "staking_positions_wallet_id_wallets_id_fk" FOREIGN KEY ("wallet_id") REFERENCES "public"."wallets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallets" ADD CONSTRAINT "wallets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_analyses" ADD CONSTRAINT "ai_analyses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_analyses" ADD CONSTRAINT "ai_analyses_bot_id_bots_id_fk" FOREIGN KEY ("bot_id") REFERENCES "public"."bots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_analyses" ADD CONSTRAINT "ai_analyses_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "llm_api_keys" ADD CONSTRAINT "llm_api_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broker_connections" ADD CONSTRAINT "broker_connections_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_tracking" ADD CONSTRAINT "daily_tracking_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_messages" ADD CONSTRAINT "journal_messages_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_messages" ADD CONSTRAINT "journal_messages_trade_id_journal_trades_id_fk" FOREIGN KEY ("trade_id") REFERENCES "public"."journal_trades"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_trades" ADD CONSTRAINT "journal_trades_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_trades" ADD CONSTRAINT "journal_trades_daily_tracking_id_daily_tracking_id_fk" FOREIGN KEY ("daily_tracking_id") REFERENCES "public"."daily_tracking"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_trades" ADD CONSTRAINT "journal_trades_source_connection_id_broker_connections_id_fk" FOREIGN KEY ("source_connection_id") REFERENCES "public"."broker_connections"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_analyses" ADD CONSTRAINT "strategy_analyses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_analyses" ADD CONSTRAINT "strategy_analyses_parent_analysis_id_strategy_analyses_id_fk" FOREIGN KEY ("parent_analysis_id") REFERENCES "public"."strategy_analyses"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_logs" ADD CONSTRAINT "sync_logs_connection_id_broker_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."broker_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_rule_verdicts" ADD CONSTRAINT "trade_rule_verdicts_trade_id_journal_trades_id_fk" FOREIGN KEY ("trade_id") REFERENCES "public"."journal_trades"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_rule_verdicts" ADD CONSTRAINT "trade_rule_verdicts_rule_id_trading_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."trading_rules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trading_rules" ADD CONSTRAINT "trading_rules_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trading_rules" ADD CONSTRAINT "trading_rules_previous_version_id_trading_rules_id_fk" FOREIGN KEY ("previous_version_id") REFERENCES "public"."trading_rules"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "data_exports_user_id_index" ON "data_exports" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "data_exports_status_index" ON "data_exports" USING btree ("status");--> statement-breakpoint
CREATE INDEX "known_devices_user_id_index" ON "known_devices" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "login_history_user_id_index" ON "login_history" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "login_history_created_at_index" ON "login_history" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "idx_link_codes_lookup" ON "platform_link_codes" USING btree ("code","used","expires_at");--> statement-breakpoint
CREATE INDEX "sessions_user_id_index" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_refresh_token_index" ON "sessions" USING btree ("refresh_token");--> statement-breakpoint
CREATE INDEX "sessions_expires_at_index" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "idx_users_email" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "users_status_idx" ON "users" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "users_telegram_chat_id_key" ON "users" USING btree ("telegram_chat_id") WHERE "users"."telegram_chat_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "users_discord_user_id_key" ON "users" USING btree ("discord_user_id") WHERE "users"."discord_user_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "users_whatsapp_phone_key" ON "users" USING btree ("whatsapp_phone") WHERE "users"."whatsapp_phone" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "users_clerk_user_id_key" ON "users" USING btree ("clerk_user_id") WHERE "users"."clerk_user_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "bot_usage_tenant_id_created_at_index" ON "bot_usage" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "bot_users_user_id_index" ON "bot_users" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "tenant_users_user_id_index" ON "tenant_users" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "broadcast_jobs_tenant_id_created_at_index" ON "broadcast_jobs" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "campaigns_tenant_id_index" ON "campaigns" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "crosspromo_jobs_status_run_at_index" ON "crosspromo_jobs" USING btree ("status","run_at");--> statement-breakpoint
CREATE INDEX "journey_scheduled_messages_status_scheduled_for_index" ON "journey_scheduled_messages" USING btree ("status","scheduled_for");--> statement-breakpoint
CREATE INDEX "journey_triggers_journey_id_index" ON "journey_triggers" USING btree ("journey_id");--> statement-breakpoint
CREATE INDEX "journey_user_sessions_tenant_id_telegram_chat_id_status_index" ON "journey_user_sessions" USING btree ("tenant_id","telegram_chat_id","status");--> statement-breakpoint
CREATE INDEX "journeys_tenant_id_index" ON "journeys" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "telegram_subscriptions_stripe_subscription_id_index" ON "telegram_subscriptions" USING btree ("stripe_subscription_id");--> statement-breakpoint
CREATE INDEX "tenant_stripe_prices_tenant_id_index" ON "tenant_stripe_prices" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "tenant_stripe_products_tenant_id_index" ON "tenant_stripe_products" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "exchange_connections_user_id_index" ON "exchange_connections" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "exchange_connections_exchange_index" ON "exchange_connections" USING btree ("exchange");--> statement-breakpoint
CREATE INDEX "trading_pairs_symbol_index" ON "trading_pairs" USING btree ("symbol");--> statement-breakpoint
CREATE INDEX "custom_indicators_user_id_index" ON "custom_indicators" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "idx_indicators_type_category" ON "indicators" USING btree ("type","category");--> statement-breakpoint
CREATE INDEX "idx_strategies_user_id" ON "strategies" USING btree ("creator_id");--> statement-breakpoint
CREATE INDEX "strategies_category_index" ON "strategies" USING btree ("category");--> statement-breakpoint
CREATE INDEX "strategies_rating_index" ON "strategies" USING btree ("rating");--> statement-breakpoint
CREATE INDEX "idx_strategies_marketplace" ON "strategies" USING btree ("is_public","strategy_type","is_verified") WHERE "strategies"."is_public" = true AND "strategies"."strategy_type" = 'marketplace';--> statement-breakpoint
CREATE INDEX "idx_strategy_components_strategy_id" ON "strategy_components" USING btree ("strategy_id");--> statement-breakpoint
CREATE INDEX "strategy_purchases_user_id_index" ON "strategy_purchases" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "strategy_purchases_strategy_id_index" ON "strategy_purchases" USING btree ("strategy_id");--> statement-breakpoint
CREATE INDEX "strategy_reviews_strategy_id_index" ON "strategy_reviews" USING btree ("strategy_id");--> statement-breakpoint
CREATE INDEX "idx_strategy_versions_strategy_id" ON "strategy_versions" USING btree ("strategy_id");--> statement-breakpoint
CREATE INDEX "analytics_user_id_index" ON "analytics" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "analytics_type_index" ON "analytics" USING btree ("type");--> statement-breakpoint
CREATE INDEX "analytics_period_index" ON "analytics" USING btree ("period");--> statement-breakpoint
CREATE INDEX "analytics_created_at_index" ON "analytics" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "analytics_user_id_type_period_index" ON "analytics" USING btree ("user_id","type","period");--> statement-breakpoint
CREATE INDEX "backtests_bot_id_index" ON "backtests" USING btree ("bot_id");--> statement-breakpoint
CREATE INDEX "backtests_strategy_id_index" ON "backtests" USING btree ("strategy_id");--> statement-breakpoint
CREATE INDEX "backtests_user_id_index" ON "backtests" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "backtests_created_at_index" ON "backtests" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "bot_executions_bot_id_index" ON "bot_executions" USING btree ("bot_id");--> statement-breakpoint
CREATE INDEX "bot_executions_started_at_index" ON "bot_executions" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "bot_templates_category_index" ON "bot_templates" USING btree ("category");--> statement-breakpoint
CREATE INDEX "bot_templates_complexity_index" ON "bot_templates" USING btree ("complexity");--> statement-breakpoint
CREATE INDEX "bot_templates_featured_index" ON "bot_templates" USING btree ("featured");--> statement-breakpoint
CREATE INDEX "bot_templates_user_id_index" ON "bot_templates" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "bot_templates_visibility_index" ON "bot_templates" USING btree ("visibility");--> statement-breakpoint
CREATE INDEX "idx_bots_user_id" ON "bots" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "bots_type_index" ON "bots" USING btree ("type");--> statement-breakpoint
CREATE INDEX "idx_bots_status" ON "bots" USING btree ("status");--> statement-breakpoint
CREATE INDEX "idx_bots_exchange" ON "bots" USING btree ("exchange");--> statement-breakpoint
CREATE INDEX "bots_user_id_status_index" ON "bots" USING btree ("user_id","status");--> statement-breakpoint
CREATE INDEX "bots_status_last_execution_at_index" ON "bots" USING btree ("status","last_execution_at");--> statement-breakpoint
CREATE INDEX "bots_user_id_type_status_index" ON "bots" USING btree ("user_id","type","status");--> statement-breakpoint
CREATE INDEX "executions_bot_id_index" ON "executions" USING btree ("bot_id");--> statement-breakpoint
CREATE INDEX "executions_timestamp_index" ON "executions" USING btree ("timestamp");--> statement-breakpoint
CREATE INDEX "executions_signal_index" ON "executions" USING btree ("signal");--> statement-breakpoint
CREATE INDEX "historical_datasets_symbol_index" ON "historical_datasets" USING btree ("symbol");--> statement-breakpoint
CREATE INDEX "historical_datasets_timeframe_index" ON "historical_datasets" USING btree ("timeframe");--> statement-breakpoint
CREATE INDEX "historical_datasets_updated_at_index" ON "historical_datasets" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "logs_bot_id_created_at_index" ON "logs" USING btree ("bot_id","created_at");--> statement-breakpoint
CREATE INDEX "logs_user_id_created_at_index" ON "logs" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "performance_snapshots_bot_id_index" ON "performance_snapshots" USING btree ("bot_id");--> statement-breakpoint
CREATE INDEX "performance_snapshots_timestamp_index" ON "performance_snapshots" USING btree ("timestamp");--> statement-breakpoint
CREATE INDEX "performance_snapshots_bot_id_timestamp_index" ON "performance_snapshots" USING btree ("bot_id","timestamp" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "pump_detections_user_id_index" ON "pump_detections" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "pump_detections_bot_id_index" ON "pump_detections" USING btree ("bot_id");--> statement-breakpoint
CREATE INDEX "pump_detections_detected_at_index" ON "pump_detections" USING btree ("detected_at");--> statement-breakpoint
CREATE INDEX "pump_detections_symbol_index" ON "pump_detections" USING btree ("symbol");--> statement-breakpoint
CREATE INDEX "template_deployments_template_id_index" ON "template_deployments" USING btree ("template_id");--> statement-breakpoint
CREATE INDEX "template_deployments_user_id_index" ON "template_deployments" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "orders_user_id_index" ON "orders" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "orders_bot_id_index" ON "orders" USING btree ("bot_id");--> statement-breakpoint
CREATE INDEX "orders_status_index" ON "orders" USING btree ("status");--> statement-breakpoint
CREATE INDEX "orders_created_at_index" ON "orders" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "portfolio_history_user_id_index" ON "portfolio_history" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "portfolio_history_timestamp_index" ON "portfolio_history" USING btree ("timestamp");--> statement-breakpoint
CREATE INDEX "positions_bot_id_index" ON "positions" USING btree ("bot_id");--> statement-breakpoint
CREATE INDEX "positions_status_index" ON "positions" USING btree ("status");--> statement-breakpoint
CREATE INDEX "positions_symbol_index" ON "positions" USING btree ("symbol");--> statement-breakpoint
CREATE INDEX "positions_bot_id_status_index" ON "positions" USING btree ("bot_id","status");--> statement-breakpoint
CREATE INDEX "idx_positions_entry_time" ON "positions" USING btree ("entry_time");--> statement-breakpoint
CREATE INDEX "idx_positions_user_date" ON "positions" USING btree ("user_id","entry_time");--> statement-breakpoint
CREATE UNIQUE INDEX "positions_bot_id_tag_open_key" ON "positions" USING btree ("bot_id","tag") WHERE "positions"."status" = 'open' AND "positions"."tag" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "trades_user_id_index" ON "trades" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "idx_trades_bot_id" ON "trades" USING btree ("bot_id");--> statement-breakpoint
CREATE INDEX "trades_exchange_id_index" ON "trades" USING btree ("exchange_id");--> statement-breakpoint
CREATE INDEX "trades_executed_at_index" ON "trades" USING btree ("executed_at");--> statement-breakpoint
CREATE INDEX "trades_symbol_index" ON "trades" USING btree ("symbol");--> statement-breakpoint
CREATE INDEX "trades_profit_loss_index" ON "trades" USING btree ("profit_loss");--> statement-breakpoint
CREATE INDEX "trades_bot_id_executed_at_index" ON "trades" USING btree ("bot_id","executed_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "trades_user_id_executed_at_index" ON "trades" USING btree ("user_id","executed_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "trades_user_id_symbol_executed_at_index" ON "trades" USING btree ("user_id","symbol","executed_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "trades_user_id_status_executed_at_index" ON "trades" USING btree ("user_id","status","executed_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "trades_order_id_exchange_trade_id_key" ON "trades" USING btree ("order_id","exchange_trade_id") WHERE "trades"."exchange_trade_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "forex_signals_tenant_id_status_index" ON "forex_signals" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE INDEX "signal_providers_name_index" ON "signal_providers" USING btree ("name");--> statement-breakpoint
CREATE INDEX "signal_providers_type_index" ON "signal_providers" USING btree ("type");--> statement-breakpoint
CREATE INDEX "signal_providers_is_active_index" ON "signal_providers" USING btree ("is_active");--> statement-breakpoint
CREATE INDEX "signal_providers_tenant_id_index" ON "signal_providers" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "signals_provider_id_index" ON "signals" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "signals_symbol_index" ON "signals" USING btree ("symbol");--> statement-breakpoint
CREATE INDEX "signals_action_index" ON "signals" USING btree ("action");--> statement-breakpoint
CREATE INDEX "signals_processed_index" ON "signals" USING btree ("processed");--> statement-breakpoint
CREATE INDEX "signals_created_at_index" ON "signals" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "signals_processed_created_at_index" ON "signals" USING btree ("processed","created_at");--> statement-breakpoint
CREATE INDEX "idx_coupons_code" ON "coupons" USING btree ("code");--> statement-breakpoint
CREATE INDEX "invoices_user_id_index" ON "invoices" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "payments_user_id_index" ON "payments" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "payments_status_index" ON "payments" USING btree ("status");--> statement-breakpoint
CREATE INDEX "referrals_referrer_id_index" ON "referrals" USING btree ("referrer_id");--> statement-breakpoint
CREATE INDEX "referrals_code_index" ON "referrals" USING btree ("code");--> statement-breakpoint
CREATE INDEX "subscription_history_subscription_id_index" ON "subscription_history" USING btree ("subscription_id");--> statement-breakpoint
CREATE INDEX "subscriptions_user_id_index" ON "subscriptions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "subscriptions_status_index" ON "subscriptions" USING btree ("status");--> statement-breakpoint
CREATE INDEX "notifications_user_id_index" ON "notifications" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "notifications_read_index" ON "notifications" USING btree ("read");--> statement-breakpoint
CREATE INDEX "notifications_delivered_index" ON "notifications" USING btree ("delivered");--> statement-breakpoint
CREATE INDEX "notifications_created_at_index" ON "notifications" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "notifications_type_index" ON "notifications" USING btree ("type");--> statement-breakpoint
CREATE INDEX "notifications_channel_index" ON "notifications" USING btree ("channel");--> statement-breakpoint
CREATE INDEX "notifications_priority_index" ON "notifications" USING btree ("priority");--> statement-breakpoint
CREATE INDEX "help_articles_category_id_index" ON "help_articles" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "help_articles_published_index" ON "help_articles" USING btree ("published");--> statement-breakpoint
CREATE INDEX "help_articles_slug_index" ON "help_articles" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "support_tickets_user_id_index" ON "support_tickets" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "support_tickets_status_index" ON "support_tickets" USING btree ("status");--> statement-breakpoint
CREATE INDEX "support_tickets_priority_index" ON "support_tickets" USING btree ("priority");--> statement-breakpoint
CREATE INDEX "support_tickets_category_index" ON "support_tickets" USING btree ("category");--> statement-breakpoint
CREATE INDEX "ticket_messages_ticket_id_index" ON "ticket_messages" USING btree ("ticket_id");--> statement-breakpoint
CREATE INDEX "ticket_messages_created_at_index" ON "ticket_messages" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "admin_notes_user_id_index" ON "admin_notes" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "audit_logs_user_id_index" ON "audit_logs" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "audit_logs_action_index" ON "audit_logs" USING btree ("action");--> statement-breakpoint
CREATE INDEX "audit_logs_created_at_index" ON "audit_logs" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "blocked_ips_ip_address_index" ON "blocked_ips" USING btree ("ip_address");--> statement-breakpoint
CREATE INDEX "blocked_ips_expires_at_index" ON "blocked_ips" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "security_logs_type_index" ON "security_logs" USING btree ("type");--> statement-breakpoint
CREATE INDEX "security_logs_ip_address_index" ON "security_logs" USING btree ("ip_address");--> statement-breakpoint
CREATE INDEX "security_logs_user_id_index" ON "security_logs" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "security_logs_created_at_index" ON "security_logs" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "defi_protocols_chain_index" ON "defi_protocols" USING btree ("chain");--> statement-breakpoint
CREATE INDEX "defi_protocols_category_index" ON "defi_protocols" USING btree ("category");--> statement-breakpoint
CREATE INDEX "defi_protocols_is_active_index" ON "defi_protocols" USING btree ("is_active");--> statement-breakpoint
CREATE INDEX "farm_positions_wallet_id_index" ON "farm_positions" USING btree ("wallet_id");--> statement-breakpoint
CREATE INDEX "farm_positions_protocol_index" ON "farm_positions" USING btree ("protocol");--> statement-breakpoint
CREATE INDEX "farm_positions_chain_index" ON "farm_positions" USING btree ("chain");--> statement-breakpoint
CREATE INDEX "farm_positions_status_index" ON "farm_positions" USING btree ("status");--> statement-breakpoint
CREATE INDEX "farm_positions_wallet_id_status_index" ON "farm_positions" USING btree ("wallet_id","status");--> statement-breakpoint
CREATE INDEX "farm_positions_chain_status_index" ON "farm_positions" USING btree ("chain","status");--> statement-breakpoint
CREATE INDEX "liquidity_pools_protocol_index" ON "liquidity_pools" USING btree ("protocol");--> statement-breakpoint
CREATE INDEX "liquidity_pools_chain_index" ON "liquidity_pools" USING btree ("chain");--> statement-breakpoint
CREATE INDEX "liquidity_positions_wallet_id_index" ON "liquidity_positions" USING btree ("wallet_id");--> statement-breakpoint
CREATE INDEX "liquidity_positions_protocol_index" ON "liquidity_positions" USING btree ("protocol");--> statement-breakpoint
CREATE INDEX "liquidity_positions_chain_index" ON "liquidity_positions" USING btree ("chain");--> statement-breakpoint
CREATE INDEX "liquidity_positions_status_index" ON "liquidity_positions" USING btree ("status");--> statement-breakpoint
CREATE INDEX "liquidity_positions_wallet_id_status_index" ON "liquidity_positions" USING btree ("wallet_id","status");--> statement-breakpoint
CREATE INDEX "liquidity_positions_chain_status_index" ON "liquidity_positions" USING btree ("chain","status");--> statement-breakpoint
CREATE INDEX "staking_positions_wallet_id_index" ON "staking_positions" USING btree ("wallet_id");--> statement-breakpoint
CREATE INDEX "staking_positions_protocol_index" ON "staking_positions" USING btree ("protocol");--> statement-breakpoint
CREATE INDEX "staking_positions_chain_index" ON "staking_positions" USING btree ("chain");--> statement-breakpoint
CREATE INDEX "staking_positions_status_index" ON "staking_positions" USING btree ("status");--> statement-breakpoint
CREATE INDEX "staking_positions_wallet_id_status_index" ON "staking_positions" USING btree ("wallet_id","status");--> statement-breakpoint
CREATE INDEX "staking_positions_chain_status_index" ON "staking_positions" USING btree ("chain","status");--> statement-breakpoint
CREATE INDEX "wallets_user_id_index" ON "wallets" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "wallets_address_index" ON "wallets" USING btree ("address");--> statement-breakpoint
CREATE INDEX "wallets_chain_index" ON "wallets" USING btree ("chain");--> statement-breakpoint
CREATE INDEX "ai_analyses_user_id_index" ON "ai_analyses" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "ai_analyses_bot_id_index" ON "ai_analyses" USING btree ("bot_id");--> statement-breakpoint
CREATE INDEX "idx_broker_connections_user" ON "broker_connections" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "idx_broker_connections_sync" ON "broker_connections" USING btree ("status","last_sync_at") WHERE "broker_connections"."status" = 'active';--> statement-breakpoint
CREATE INDEX "idx_daily_tracking_user_date" ON "daily_tracking" USING btree ("user_id","trade_date" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "idx_journal_messages_user" ON "journal_messages" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "idx_journal_messages_trade" ON "journal_messages" USING btree ("trade_id") WHERE "journal_messages"."trade_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "idx_journal_trades_user_created" ON "journal_trades" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "idx_journal_trades_external_dedup" ON "journal_trades" USING btree ("user_id","source_connection_id","external_id") WHERE "journal_trades"."external_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "strategy_analyses_user_id_index" ON "strategy_analyses" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "idx_sync_logs_connection" ON "sync_logs" USING btree ("connection_id","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "idx_trade_rule_verdicts_trade" ON "trade_rule_verdicts" USING btree ("trade_id");--> statement-breakpoint
CREATE INDEX "trading_rules_user_id_index" ON "trading_rules" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "idx_anon_audits_ip" ON "anonymous_audits" USING btree ("ip_hash","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "idx_anon_audits_hash" ON "anonymous_audits" USING btree ("result_hash");--> statement-breakpoint
CREATE INDEX "idx_shared_results_hash" ON "shared_results" USING btree ("result_hash");