ALTER TABLE "users" ADD COLUMN "telegram_blocked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "discord_blocked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "console_user_id" text;--> statement-breakpoint
CREATE UNIQUE INDEX "users_console_user_id_key" ON "users" USING btree ("console_user_id") WHERE "users"."console_user_id" IS NOT NULL;