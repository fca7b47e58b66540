CREATE INDEX `outbox_contact` ON `outbox` (`contact_key`,`state`);--> statement-breakpoint
CREATE INDEX `outbox_business_initiated` ON `outbox` (`business_initiated`,`sent_at`);