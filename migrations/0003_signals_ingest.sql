CREATE TABLE "broadcast_deliveries" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"broadcast_id" text NOT NULL,
	"bot_user_id" text NOT NULL,
	"chat_id" bigint NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"error" text,
	"claimed_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"telegram_message_id" integer,
	CONSTRAINT "broadcast_deliveries_broadcast_recipient_unique" UNIQUE("broadcast_id","bot_user_id"),
	CONSTRAINT "broadcast_deliveries_status_check" CHECK ("broadcast_deliveries"."status" in ('pending', 'sending', 'sent', 'blocked', 'failed', 'unknown'))
);
--> statement-breakpoint
CREATE TABLE "send_rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"next_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "channel_messages" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"forex_signal_id" text,
	"bot_role" text DEFAULT 'signal_bot' NOT NULL,
	"chat_id" text NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"dedupe_key" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"error" text,
	"telegram_message_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	CONSTRAINT "channel_messages_tenant_dedupe_key_unique" UNIQUE("tenant_id","dedupe_key"),
	CONSTRAINT "channel_messages_kind_check" CHECK ("channel_messages"."kind" in ('post', 'edit', 'reply', 'recap', 'promo')),
	CONSTRAINT "channel_messages_status_check" CHECK ("channel_messages"."status" in ('pending', 'sending', 'sent', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "signals" ALTER COLUMN "symbol" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "signals" ALTER COLUMN "action" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "broadcast_jobs" ADD COLUMN "bot_role" text DEFAULT 'message_bot' NOT NULL;--> statement-breakpoint
ALTER TABLE "broadcast_jobs" ADD COLUMN "recipients" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "broadcast_jobs" ADD COLUMN "started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "broadcast_jobs" ADD COLUMN "completed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "crosspromo_jobs" ADD COLUMN "dedupe_key" text;--> statement-breakpoint
ALTER TABLE "telegram_subscriptions" ADD COLUMN "stripe_price_id" text;--> statement-breakpoint
ALTER TABLE "telegram_subscriptions" ADD COLUMN "stripe_checkout_session_id" text;--> statement-breakpoint
ALTER TABLE "telegram_subscriptions" ADD COLUMN "current_period_end" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "telegram_subscriptions" ADD COLUMN "trial_ends_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "telegram_subscriptions" ADD COLUMN "cancel_at_period_end" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "telegram_subscriptions" ADD COLUMN "invite_link" text;--> statement-breakpoint
ALTER TABLE "telegram_subscriptions" ADD COLUMN "invite_link_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "telegram_subscriptions" ADD COLUMN "invite_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "telegram_subscriptions" ADD COLUMN "joined_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "telegram_subscriptions" ADD COLUMN "removed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "forex_signals" ADD COLUMN "source" text DEFAULT 'strategy' NOT NULL;--> statement-breakpoint
ALTER TABLE "forex_signals" ADD COLUMN "signal_id" text;--> statement-breakpoint
ALTER TABLE "forex_signals" ADD COLUMN "dedupe_key" text;--> statement-breakpoint
ALTER TABLE "forex_signals" ADD COLUMN "venue" text;--> statement-breakpoint
ALTER TABLE "forex_signals" ADD COLUMN "pip_size" numeric(65, 30) DEFAULT 0.0001 NOT NULL;--> statement-breakpoint
ALTER TABLE "forex_signals" ADD COLUMN "announced_events" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "forex_signals" ADD COLUMN "result_pips" numeric(65, 30);--> statement-breakpoint
ALTER TABLE "forex_signals" ADD COLUMN "result_pct" numeric(65, 30);--> statement-breakpoint
ALTER TABLE "forex_signals" ADD COLUMN "last_checked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "signals" ADD COLUMN "status" text DEFAULT 'accepted' NOT NULL;--> statement-breakpoint
ALTER TABLE "signals" ADD COLUMN "kind" text DEFAULT 'entry' NOT NULL;--> statement-breakpoint
ALTER TABLE "signals" ADD COLUMN "format" text;--> statement-breakpoint
ALTER TABLE "signals" ADD COLUMN "reject_reason" text;--> statement-breakpoint
ALTER TABLE "signals" ADD COLUMN "idempotency_key" text NOT NULL;--> statement-breakpoint
ALTER TABLE "signals" ADD COLUMN "raw_body" text NOT NULL;--> statement-breakpoint
ALTER TABLE "signals" ADD COLUMN "normalized" jsonb;--> statement-breakpoint
ALTER TABLE "signals" ADD COLUMN "outcome" text;--> statement-breakpoint
ALTER TABLE "signals" ADD COLUMN "outcome_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "broadcast_deliveries" ADD CONSTRAINT "broadcast_deliveries_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broadcast_deliveries" ADD CONSTRAINT "broadcast_deliveries_broadcast_id_broadcast_jobs_id_fk" FOREIGN KEY ("broadcast_id") REFERENCES "public"."broadcast_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broadcast_deliveries" ADD CONSTRAINT "broadcast_deliveries_bot_user_id_bot_users_id_fk" FOREIGN KEY ("bot_user_id") REFERENCES "public"."bot_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_messages" ADD CONSTRAINT "channel_messages_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_messages" ADD CONSTRAINT "channel_messages_forex_signal_id_forex_signals_id_fk" FOREIGN KEY ("forex_signal_id") REFERENCES "public"."forex_signals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "broadcast_deliveries_broadcast_id_status_index" ON "broadcast_deliveries" USING btree ("broadcast_id","status");--> statement-breakpoint
CREATE INDEX "channel_messages_pending_idx" ON "channel_messages" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "channel_messages_tenant_id_created_at_index" ON "channel_messages" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "channel_messages_one_pending_edit" ON "channel_messages" USING btree ("forex_signal_id") WHERE "channel_messages"."kind" = 'edit' and "channel_messages"."status" = 'pending';--> statement-breakpoint
ALTER TABLE "forex_signals" ADD CONSTRAINT "forex_signals_signal_id_signals_id_fk" FOREIGN KEY ("signal_id") REFERENCES "public"."signals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "telegram_subscriptions_tenant_id_invite_link_index" ON "telegram_subscriptions" USING btree ("tenant_id","invite_link");--> statement-breakpoint
CREATE INDEX "telegram_subscriptions_status_current_period_end_index" ON "telegram_subscriptions" USING btree ("status","current_period_end");--> statement-breakpoint
CREATE INDEX "forex_signals_open_idx" ON "forex_signals" USING btree ("status") WHERE "forex_signals"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "signals_outcome_pending_idx" ON "signals" USING btree ("created_at") WHERE "signals"."status" = 'accepted' and "signals"."kind" = 'entry' and "signals"."outcome" is null;--> statement-breakpoint
ALTER TABLE "crosspromo_jobs" ADD CONSTRAINT "crosspromo_jobs_tenant_dedupe_key_unique" UNIQUE("tenant_id","dedupe_key");--> statement-breakpoint
ALTER TABLE "forex_signals" ADD CONSTRAINT "forex_signals_tenant_dedupe_key_unique" UNIQUE("tenant_id","dedupe_key");--> statement-breakpoint
ALTER TABLE "signals" ADD CONSTRAINT "signals_provider_idempotency_key_unique" UNIQUE("provider_id","idempotency_key");--> statement-breakpoint
ALTER TABLE "forex_signals" ADD CONSTRAINT "forex_signals_source_check" CHECK ("forex_signals"."source" in ('webhook', 'strategy'));--> statement-breakpoint
ALTER TABLE "signals" ADD CONSTRAINT "signals_status_check" CHECK ("signals"."status" in ('accepted', 'rejected'));--> statement-breakpoint
ALTER TABLE "signals" ADD CONSTRAINT "signals_kind_check" CHECK ("signals"."kind" in ('entry', 'exit'));--> statement-breakpoint
ALTER TABLE "signals" ADD CONSTRAINT "signals_format_check" CHECK ("signals"."format" in ('json', 'tradingview', 'text'));--> statement-breakpoint
ALTER TABLE "signals" ADD CONSTRAINT "signals_outcome_check" CHECK ("signals"."outcome" in ('tp1', 'stop', 'expired'));--> statement-breakpoint
ALTER TABLE "signals" ADD CONSTRAINT "signals_accepted_complete_check" CHECK ("signals"."status" = 'rejected' or ("signals"."symbol" is not null and "signals"."action" is not null));