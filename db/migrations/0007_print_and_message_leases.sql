ALTER TABLE `partner_messages` ADD `lease_owner` text;--> statement-breakpoint
ALTER TABLE `print_jobs` ADD `lease_owner` text;