CREATE TABLE `desk_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` text NOT NULL,
	`operator_id` integer,
	`at` text NOT NULL,
	`kind` text NOT NULL,
	`borrowing_request_id` integer,
	`lending_request_id` integer,
	`action` text NOT NULL,
	`description` text NOT NULL,
	`from_status` text NOT NULL,
	`to_status` text NOT NULL,
	`before` text NOT NULL,
	`event_id` integer,
	`print_job_ids` text DEFAULT '[]' NOT NULL,
	`message_ids` text DEFAULT '[]' NOT NULL,
	`undone_at` text,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`borrowing_request_id`) REFERENCES `borrowing_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lending_request_id`) REFERENCES `lending_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`event_id`) REFERENCES `request_events`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "desk_actions_one_request" CHECK(("desk_actions"."borrowing_request_id" IS NULL) <> ("desk_actions"."lending_request_id" IS NULL))
);
--> statement-breakpoint
CREATE INDEX `desk_actions_session_idx` ON `desk_actions` (`session_id`,`id`);--> statement-breakpoint
CREATE INDEX `borrowing_external_trimmed_idx` ON `borrowing_requests` (ltrim("external_id", '0') COLLATE NOCASE);