ALTER TABLE `scans` ADD `applied_action_id` integer REFERENCES desk_actions(id);--> statement-breakpoint
ALTER TABLE `scans` ADD `applied_at` text;--> statement-breakpoint
CREATE UNIQUE INDEX `scans_applied_action_idx` ON `scans` (`applied_action_id`) WHERE "scans"."applied_action_id" IS NOT NULL;