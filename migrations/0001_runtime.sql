CREATE TABLE "bot_signal_deliveries" (
	"bot_id" text NOT NULL,
	"signal_id" text NOT NULL,
	"execution_id" text NOT NULL,
	"delivered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bot_signal_deliveries_bot_id_signal_id_pk" PRIMARY KEY("bot_id","signal_id")
);
--> statement-breakpoint
ALTER TABLE "bots" ADD COLUMN "last_candle_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "position_tag" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "effect" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "close_reason" text;--> statement-breakpoint
ALTER TABLE "bot_signal_deliveries" ADD CONSTRAINT "bot_signal_deliveries_bot_id_bots_id_fk" FOREIGN KEY ("bot_id") REFERENCES "public"."bots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_signal_deliveries" ADD CONSTRAINT "bot_signal_deliveries_signal_id_signals_id_fk" FOREIGN KEY ("signal_id") REFERENCES "public"."signals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bot_signal_deliveries_signal_id_index" ON "bot_signal_deliveries" USING btree ("signal_id");--> statement-breakpoint
CREATE INDEX "orders_bot_id_status_index" ON "orders" USING btree ("bot_id","status");--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_effect_check" CHECK ("orders"."effect" in ('open', 'increase', 'reduce', 'close'));--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_close_reason_check" CHECK ("orders"."close_reason" in ('STOP_LOSS', 'TAKE_PROFIT', 'SIGNAL', 'BOT_STOPPED', 'MANUAL'));