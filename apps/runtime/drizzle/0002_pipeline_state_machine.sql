CREATE TABLE `unhandled_webhooks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`field` text,
	`event` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
DROP INDEX `inbox_pending`;--> statement-breakpoint
CREATE INDEX `inbox_unprocessed` ON `inbox` (`occurred_at`,`id`) WHERE "inbox"."processed_at" is null;--> statement-breakpoint
CREATE INDEX `inbox_contact` ON `inbox` (`contact_key`);--> statement-breakpoint
ALTER TABLE `contacts` ADD `undeliverable_code` integer;--> statement-breakpoint
ALTER TABLE `contacts` ADD `marketing_held_until` integer;--> statement-breakpoint
ALTER TABLE `contacts` ADD `marketing_holds` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `contacts_phone` ON `contacts` (`phone`);--> statement-breakpoint
CREATE INDEX `contacts_user_id` ON `contacts` (`user_id`);--> statement-breakpoint
ALTER TABLE `outbox` ADD `error_code` integer;