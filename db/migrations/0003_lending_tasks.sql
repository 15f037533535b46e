CREATE TABLE `request_alerts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`borrowing_request_id` integer,
	`lending_request_id` integer,
	`code` text NOT NULL,
	`message` text NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`removed_at` text,
	FOREIGN KEY (`borrowing_request_id`) REFERENCES `borrowing_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lending_request_id`) REFERENCES `lending_requests`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "alerts_one_request" CHECK(("request_alerts"."borrowing_request_id" IS NULL) <> ("request_alerts"."lending_request_id" IS NULL))
);
--> statement-breakpoint
CREATE INDEX `alerts_lending_idx` ON `request_alerts` (`lending_request_id`,`removed_at`);--> statement-breakpoint
CREATE INDEX `alerts_borrowing_idx` ON `request_alerts` (`borrowing_request_id`,`removed_at`);--> statement-breakpoint
ALTER TABLE `lending_requests` ADD `condition_reason` text;--> statement-breakpoint
ALTER TABLE `lending_requests` ADD `reply_by` text;--> statement-breakpoint
ALTER TABLE `lending_requests` ADD `reject_reason` text;--> statement-breakpoint
ALTER TABLE `lending_requests` ADD `removed_at` text;