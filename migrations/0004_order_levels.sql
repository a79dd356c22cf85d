ALTER TABLE "orders" ADD COLUMN "stop_loss" numeric(65, 30);--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "take_profit" numeric(65, 30);