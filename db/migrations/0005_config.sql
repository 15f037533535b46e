CREATE TABLE `borrowing_rotas` (
	`borrowing_request_id` integer PRIMARY KEY NOT NULL,
	`partners` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`borrowing_request_id`) REFERENCES `borrowing_requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `rota_templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`partners` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rota_templates_name_unique` ON `rota_templates` (`name`);