ALTER TABLE `print_jobs` ADD `title` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `print_jobs` ADD `document` text;--> statement-breakpoint
ALTER TABLE `print_jobs` ADD `printer_name` text;