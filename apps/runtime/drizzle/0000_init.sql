CREATE TABLE `analytics_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contact_key` text NOT NULL,
	`session_id` text,
	`flow_id` text,
	`flow_version` integer,
	`type` text NOT NULL,
	`node_id` text,
	`data` text,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `analytics_session` ON `analytics_events` (`session_id`);--> statement-breakpoint
CREATE TABLE `consents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contact_key` text NOT NULL,
	`category` text NOT NULL,
	`action` text NOT NULL,
	`wording` text NOT NULL,
	`source` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `consents_contact` ON `consents` (`contact_key`,`category`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`key` text PRIMARY KEY NOT NULL,
	`phone` text,
	`user_id` text,
	`name` text,
	`last_inbound_at` integer,
	`undeliverable_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `flow_versions` (
	`flow_id` text NOT NULL,
	`version` integer NOT NULL,
	`document` text NOT NULL,
	`published_at` integer NOT NULL,
	PRIMARY KEY(`flow_id`, `version`)
);
--> statement-breakpoint
CREATE TABLE `flows` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`draft` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `inbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contact_key` text NOT NULL,
	`wamid` text,
	`kind` text NOT NULL,
	`input` text NOT NULL,
	`occurred_at` integer NOT NULL,
	`received_at` integer NOT NULL,
	`processed_at` integer,
	`outcome` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inbox_wamid` ON `inbox` (`wamid`);--> statement-breakpoint
CREATE INDEX `inbox_pending` ON `inbox` (`processed_at`,`contact_key`);--> statement-breakpoint
CREATE TABLE `messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contact_key` text NOT NULL,
	`direction` text NOT NULL,
	`wamid` text,
	`outbox_key` text,
	`payload` text NOT NULL,
	`status` text NOT NULL,
	`pricing` text,
	`at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `messages_wamid` ON `messages` (`wamid`);--> statement-breakpoint
CREATE INDEX `messages_contact` ON `messages` (`contact_key`,`at`);--> statement-breakpoint
CREATE INDEX `messages_outbox_key` ON `messages` (`outbox_key`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`contact_key` text NOT NULL,
	`session_id` text,
	`node_id` text,
	`payload` text NOT NULL,
	`window` text NOT NULL,
	`pricing` text NOT NULL,
	`fallback` text,
	`state` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`reconcile_until` integer,
	`business_initiated` integer DEFAULT 0 NOT NULL,
	`wamid` text,
	`last_error` text,
	`created_at` integer NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_key` ON `outbox` (`key`);--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`state`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `requests` (
	`id` text PRIMARY KEY NOT NULL,
	`contact_key` text NOT NULL,
	`session_id` text NOT NULL,
	`kind` text NOT NULL,
	`effect` text NOT NULL,
	`state` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `requests_state` ON `requests` (`state`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`contact_key` text NOT NULL,
	`flow_id` text NOT NULL,
	`flow_version` integer NOT NULL,
	`status` text NOT NULL,
	`state` text NOT NULL,
	`started_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`ended_reason` text
);
--> statement-breakpoint
CREATE INDEX `sessions_contact` ON `sessions` (`contact_key`,`status`);--> statement-breakpoint
CREATE TABLE `status_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`wamid` text NOT NULL,
	`status` text NOT NULL,
	`callback_key` text,
	`payload` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `status_events_wamid_status` ON `status_events` (`wamid`,`status`);--> statement-breakpoint
CREATE TABLE `templates` (
	`name` text NOT NULL,
	`language` text NOT NULL,
	`category` text NOT NULL,
	`status` text NOT NULL,
	`components` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`name`, `language`)
);
--> statement-breakpoint
CREATE TABLE `timers` (
	`id` text PRIMARY KEY NOT NULL,
	`contact_key` text NOT NULL,
	`session_id` text NOT NULL,
	`node_id` text,
	`purpose` text NOT NULL,
	`fire_at` integer NOT NULL,
	`state` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `timers_due` ON `timers` (`state`,`fire_at`);