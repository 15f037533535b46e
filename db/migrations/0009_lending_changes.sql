CREATE TABLE `lending_changes` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lending_request_id` integer NOT NULL
);--> statement-breakpoint
/* Every change a desk's in-memory copy of the active lending requests must see (schema.ts lendingChanges). The open statuses are the task list's Active ones. */
CREATE TRIGGER `lending_changes_insert` AFTER INSERT ON `lending_requests` WHEN new.`status` IN ('CREATED', 'LOCATE_FAILED', 'WILL_SUPPLY', 'CONDITIONAL', 'BEING_PROCESSED', 'SHIPPED_PHYSICALLY', 'RECEIVED_BY_PARTNER', 'RENEW_REQUESTED', 'RECALLED', 'OVERDUE', 'RETURNED_BY_PARTNER', 'LOST', 'DAMAGED') BEGIN
	INSERT INTO `lending_changes` (`lending_request_id`) VALUES (new.`id`);
	DELETE FROM `lending_changes` WHERE `seq` <= (SELECT max(`seq`) FROM `lending_changes`) - 100000;
END;--> statement-breakpoint
CREATE TRIGGER `lending_changes_update` AFTER UPDATE ON `lending_requests` WHEN old.`status` IN ('CREATED', 'LOCATE_FAILED', 'WILL_SUPPLY', 'CONDITIONAL', 'BEING_PROCESSED', 'SHIPPED_PHYSICALLY', 'RECEIVED_BY_PARTNER', 'RENEW_REQUESTED', 'RECALLED', 'OVERDUE', 'RETURNED_BY_PARTNER', 'LOST', 'DAMAGED') OR new.`status` IN ('CREATED', 'LOCATE_FAILED', 'WILL_SUPPLY', 'CONDITIONAL', 'BEING_PROCESSED', 'SHIPPED_PHYSICALLY', 'RECEIVED_BY_PARTNER', 'RENEW_REQUESTED', 'RECALLED', 'OVERDUE', 'RETURNED_BY_PARTNER', 'LOST', 'DAMAGED') BEGIN
	INSERT INTO `lending_changes` (`lending_request_id`) VALUES (new.`id`);
	DELETE FROM `lending_changes` WHERE `seq` <= (SELECT max(`seq`) FROM `lending_changes`) - 100000;
END;--> statement-breakpoint
CREATE TRIGGER `lending_changes_delete` AFTER DELETE ON `lending_requests` WHEN old.`status` IN ('CREATED', 'LOCATE_FAILED', 'WILL_SUPPLY', 'CONDITIONAL', 'BEING_PROCESSED', 'SHIPPED_PHYSICALLY', 'RECEIVED_BY_PARTNER', 'RENEW_REQUESTED', 'RECALLED', 'OVERDUE', 'RETURNED_BY_PARTNER', 'LOST', 'DAMAGED') BEGIN
	INSERT INTO `lending_changes` (`lending_request_id`) VALUES (old.`id`);
	DELETE FROM `lending_changes` WHERE `seq` <= (SELECT max(`seq`) FROM `lending_changes`) - 100000;
END;--> statement-breakpoint
CREATE TRIGGER `lending_alert_changes_insert` AFTER INSERT ON `request_alerts` WHEN new.`lending_request_id` IS NOT NULL BEGIN
	INSERT INTO `lending_changes` (`lending_request_id`) VALUES (new.`lending_request_id`);
	DELETE FROM `lending_changes` WHERE `seq` <= (SELECT max(`seq`) FROM `lending_changes`) - 100000;
END;--> statement-breakpoint
CREATE TRIGGER `lending_alert_changes_update` AFTER UPDATE ON `request_alerts` WHEN new.`lending_request_id` IS NOT NULL BEGIN
	INSERT INTO `lending_changes` (`lending_request_id`) VALUES (new.`lending_request_id`);
	DELETE FROM `lending_changes` WHERE `seq` <= (SELECT max(`seq`) FROM `lending_changes`) - 100000;
END;--> statement-breakpoint
CREATE TRIGGER `lending_alert_changes_delete` AFTER DELETE ON `request_alerts` WHEN old.`lending_request_id` IS NOT NULL BEGIN
	INSERT INTO `lending_changes` (`lending_request_id`) VALUES (old.`lending_request_id`);
	DELETE FROM `lending_changes` WHERE `seq` <= (SELECT max(`seq`) FROM `lending_changes`) - 100000;
END;
