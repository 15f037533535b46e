CREATE TABLE `borrowing_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` text COLLATE NOCASE NOT NULL,
	`external_id` text COLLATE NOCASE NOT NULL,
	`partner_id` integer NOT NULL,
	`patron_id` integer NOT NULL,
	`title` text NOT NULL,
	`author` text,
	`isbn` text,
	`status` text NOT NULL,
	`format` text DEFAULT 'PHYSICAL' NOT NULL,
	`needed_by` text,
	`due_date` text,
	`note` text,
	`temp_barcode` text COLLATE NOCASE,
	`lender_item_barcode` text COLLATE NOCASE,
	`pieces` integer DEFAULT 1 NOT NULL,
	`hold_until` text,
	`received_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patron_id`) REFERENCES `patrons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `borrowing_requests_request_id_unique` ON `borrowing_requests` (`request_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `borrowing_external_partner_uq` ON `borrowing_requests` (`external_id`,`partner_id`);--> statement-breakpoint
CREATE INDEX `borrowing_temp_barcode_idx` ON `borrowing_requests` (`temp_barcode`);--> statement-breakpoint
CREATE INDEX `borrowing_lender_item_barcode_idx` ON `borrowing_requests` (`lender_item_barcode`);--> statement-breakpoint
CREATE INDEX `borrowing_status_idx` ON `borrowing_requests` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `borrowing_partner_idx` ON `borrowing_requests` (`partner_id`);--> statement-breakpoint
CREATE INDEX `borrowing_patron_idx` ON `borrowing_requests` (`patron_id`);--> statement-breakpoint
CREATE TABLE `items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`barcode` text COLLATE NOCASE NOT NULL,
	`title` text NOT NULL,
	`author` text,
	`isbn` text,
	`call_number` text,
	`location` text,
	`library` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `items_barcode_unique` ON `items` (`barcode`);--> statement-breakpoint
CREATE INDEX `items_isbn_idx` ON `items` (`isbn`);--> statement-breakpoint
CREATE TABLE `lending_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` text COLLATE NOCASE NOT NULL,
	`external_id` text COLLATE NOCASE NOT NULL,
	`partner_id` integer NOT NULL,
	`item_id` integer,
	`item_barcode` text COLLATE NOCASE,
	`title` text NOT NULL,
	`author` text,
	`isbn` text,
	`status` text NOT NULL,
	`requested_format` text DEFAULT 'PHYSICAL' NOT NULL,
	`supplied_format` text,
	`level_of_service` text,
	`needed_by` text,
	`due_date` text,
	`note` text,
	`assigned_to` integer,
	`printed` integer DEFAULT false NOT NULL,
	`reported` integer DEFAULT false NOT NULL,
	`shipping_cost` real,
	`locate_candidates` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assigned_to`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lending_requests_request_id_unique` ON `lending_requests` (`request_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `lending_external_partner_uq` ON `lending_requests` (`external_id`,`partner_id`);--> statement-breakpoint
CREATE INDEX `lending_item_barcode_idx` ON `lending_requests` (`item_barcode`);--> statement-breakpoint
CREATE INDEX `lending_status_idx` ON `lending_requests` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `lending_partner_idx` ON `lending_requests` (`partner_id`);--> statement-breakpoint
CREATE INDEX `lending_assigned_idx` ON `lending_requests` (`assigned_to`);--> statement-breakpoint
CREATE TABLE `operators` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`pin_hash` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `operators_name_unique` ON `operators` (`name`);--> statement-breakpoint
CREATE TABLE `partner_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`direction` text NOT NULL,
	`partner_id` integer,
	`borrowing_request_id` integer,
	`lending_request_id` integer,
	`channel` text NOT NULL,
	`kind` text NOT NULL,
	`body` text NOT NULL,
	`state` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text,
	`last_error` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`sent_at` text,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`borrowing_request_id`) REFERENCES `borrowing_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lending_request_id`) REFERENCES `lending_requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `messages_state_idx` ON `partner_messages` (`state`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `messages_borrowing_idx` ON `partner_messages` (`borrowing_request_id`);--> statement-breakpoint
CREATE INDEX `messages_lending_idx` ON `partner_messages` (`lending_request_id`);--> statement-breakpoint
CREATE TABLE `partners` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text COLLATE NOCASE NOT NULL,
	`name` text NOT NULL,
	`symbol` text COLLATE NOCASE,
	`protocol` text NOT NULL,
	`endpoint` text,
	`email` text,
	`iso_version` text DEFAULT '1.2' NOT NULL,
	`account_id` text,
	`security_code` text,
	`address_line1` text,
	`address_line2` text,
	`locality` text,
	`region` text,
	`postal_code` text,
	`country` text,
	`lending_workflow_id` integer,
	`borrowing_workflow_id` integer,
	`expiry_days` integer,
	`loan_period_days` integer,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`lending_workflow_id`) REFERENCES `workflow_profiles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`borrowing_workflow_id`) REFERENCES `workflow_profiles`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `partners_code_unique` ON `partners` (`code`);--> statement-breakpoint
CREATE TABLE `patrons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`patron_id` text COLLATE NOCASE NOT NULL,
	`name` text NOT NULL,
	`barcode` text COLLATE NOCASE,
	`email` text,
	`pickup_location` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `patrons_patron_id_unique` ON `patrons` (`patron_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `patrons_barcode_unique` ON `patrons` (`barcode`);--> statement-breakpoint
CREATE TABLE `print_jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slip_kind` text NOT NULL,
	`borrowing_request_id` integer,
	`lending_request_id` integer,
	`printer_uri` text NOT NULL,
	`payload` blob,
	`copies` integer DEFAULT 1 NOT NULL,
	`state` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text,
	`last_error` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`done_at` text,
	FOREIGN KEY (`borrowing_request_id`) REFERENCES `borrowing_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lending_request_id`) REFERENCES `lending_requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `print_jobs_state_idx` ON `print_jobs` (`state`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `print_jobs_borrowing_idx` ON `print_jobs` (`borrowing_request_id`);--> statement-breakpoint
CREATE INDEX `print_jobs_lending_idx` ON `print_jobs` (`lending_request_id`);--> statement-breakpoint
CREATE TABLE `request_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`borrowing_request_id` integer,
	`lending_request_id` integer,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`operator_id` integer,
	`action` text NOT NULL,
	`from_status` text,
	`to_status` text,
	`note` text,
	FOREIGN KEY (`borrowing_request_id`) REFERENCES `borrowing_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lending_request_id`) REFERENCES `lending_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "events_one_request" CHECK(("request_events"."borrowing_request_id" IS NULL) <> ("request_events"."lending_request_id" IS NULL))
);
--> statement-breakpoint
CREATE INDEX `events_borrowing_idx` ON `request_events` (`borrowing_request_id`,`id`);--> statement-breakpoint
CREATE INDEX `events_lending_idx` ON `request_events` (`lending_request_id`,`id`);--> statement-breakpoint
CREATE TABLE `scans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`source` text NOT NULL,
	`raw` text NOT NULL,
	`normalized` text NOT NULL,
	`symbology` text,
	`screen` text NOT NULL,
	`operator_id` integer,
	`outcome` text DEFAULT 'PENDING' NOT NULL,
	`message` text,
	`handled_at` text,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `scans_at_idx` ON `scans` (`at`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `workflow_profiles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`steps` text NOT NULL,
	`builtin` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `workflow_profiles_name_unique` ON `workflow_profiles` (`name`);